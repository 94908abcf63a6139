/** Help text per command; `''` is the overview. */
export const HELP: Readonly<Record<string, string>> = {
  '': `vn-corpus: find boilerplate, references and meetings in Vietnamese news articles

Usage: vn-corpus <command> [options] <files or folders…>

Commands:
  lint     report boilerplate and unknown references       (--format text|json|sarif)
  fix      remove certain boilerplate in place             (--dry-run prints a diff; --encoding converts legacy text)
  outline  list the meetings each article reports          (--format text|json)
  refs     list every reference with its resolution        (--format text|json)
  report   corpus report: debris, recurring lines, meetings, citations (--format text|json, --html FILE)
  profiles group files into sites by their shared chrome     (--format text|json)
  lsp      start the language server                       (--stdio)

Options:
  --lang en|vi   language of messages (default: from LANG)
  --help         help for a command

Folders are walked for *.txt files; .gitignore is honoured and node_modules skipped.
Settings come from .vn-corpus/config.json in the current folder or the nearest parent.
Exit codes: 0 nothing found, 1 findings, 2 usage or I/O error.`,
  lint: `Usage: vn-corpus lint <files or folders…> [--format text|json|sarif] [--lang en|vi]

Prints every finding. JSON is [{ uri, findings: [{ ruleId, severity, tier, message, range, related? }] }],
ranges with 0-based lines and UTF-16 characters as in LSP. SARIF 2.1.0 names each rule with its description and page.
The files named are the corpus: a line found in many of them is reported as recurring, as the editor does.
Exit code 1 when anything was found, 0 otherwise, 2 on a usage or I/O error.`,
  fix: `Usage: vn-corpus fix <files or folders…> [--dry-run] [--encoding]

With --encoding, converts files in a broken or legacy encoding (mojibake, Windows-1258, TCVN3, VNI) to Unicode NFC
where the conversion is exact, and lists the files that look broken but do not convert exactly (mixed or undecidable).

Removes every certain boilerplate finding, as "Remove all boilerplate in this file" does in the editor.
Line endings and a byte-order mark are kept. --dry-run prints a unified diff and writes nothing.
Exit code 1 when something was (or would be) removed, 0 otherwise.`,
  outline: `Usage: vn-corpus outline <files or folders…> [--format text|json]

Prints each article's title, date, province and the meetings it reports, with their date, organizer, chair and attendees.`,
  refs: `Usage: vn-corpus refs <files or folders…> [--format text|json]

Prints every reference to an official document, congress, programme, award or body, with what it resolves to.`,
  report: `Usage: vn-corpus report <files or folders…> [--format text|json] [--html out.html]

Summarises the corpus per site or folder: files, lines, share of lines flagged by tier, the most recurring lines;
meetings per month and by province; the most cited documents and the references the catalog does not know.
--html writes the same report as one self-contained page (charts included, no network, strict CSP).`,
  profiles: `Usage: vn-corpus profiles <files or folders…> [--format text|json] [--lang en|vi]

Groups the files into sites by the lines they share (menus, footers, widgets) and prints each site's pages and chrome:
the lines seen in at least 3 of its pages and 30 % of them, with how many pages hold each line.
lint and fix flag the same lines as boilerplate/site-chrome. Exit code 0, or 2 on a usage or I/O error.`,
  lsp: `Usage: vn-corpus lsp --stdio

Starts the language server on standard input and output, for any LSP editor.`,
};
