/** Help text per command; `''` is the overview. */
export const HELP: Readonly<Record<string, string>> = {
  '': `vn-corpus: find boilerplate, references and meetings in Vietnamese news articles

Usage: vn-corpus <command> [options] <files or folders…>

Commands:
  lint     report boilerplate and unknown references       (--format text|json|sarif)
  fix      remove certain boilerplate in place             (--dry-run prints a diff; --encoding converts legacy text)
  clean    stream articles to cleaned JSON Lines or a folder, with an audit trail   (- reads stdin)
  outline  list the meetings each article reports          (--format text|json)
  refs     list every reference with its resolution        (--format text|json)
  report   corpus report: debris, recurring lines, meetings, citations (--format text|json, --html FILE)
  profiles group files into sites by their shared chrome     (--format text|json)
  lsp      start the language server                       (--stdio)

Options:
  --lang en|vi   language of messages (default: from LANG)
  --jobs N       analyse on N threads: the main thread and N-1 workers (default: cores less one, for large runs)
  --help         help for a command

Folders are walked for *.txt files; .gitignore is honoured and node_modules skipped.
The recurrence index is cached as the language server caches it, so an unchanged corpus is not read twice.
Settings come from .vn-corpus/config.json in the current folder or the nearest parent.
Exit codes: 0 nothing found, 1 findings, 2 usage or I/O error.`,
  lint: `Usage: vn-corpus lint <files or folders…> [--format text|json|sarif] [--lang en|vi] [--jobs N]

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
  clean: `Usage: vn-corpus clean [options] <- | files.jsonl | files or folders…>

Cleans articles as fix-all does and writes, per input record and in input order, one JSON line:
the input's fields, "text" cleaned, "removed" (each removed span: line, lines, start, end, rule, tier, text),
"findings" (what the editor shows: rule, severity, tier, line, start, end, message) and "meta" (title, date and
its evidence line, years, province, meetings with dates and roles, references with their resolution).
Input records are JSON objects with "id" and "text", one per line (- for standard input, or *.jsonl files);
.txt files and folders are read as one record each, with the path as id. Lines count from 0; offsets are UTF-16.
A bad record (not UTF-8, not JSON, no id or text, binary text) is named with its line number on stderr and
passed through unchanged; the run goes on and exits 2.

  -o, --output-dir DIR   write cleaned .txt files and one audit.jsonl to DIR (new or empty) instead
  --tier certain|probable|weak   remove findings of this tier and surer (default: certain, as fix-all)
  --count-lines          print the corpus line counts (JSON Lines) of the input instead of cleaning
  --line-counts FILE     judge recurring lines by these counts (from --count-lines, summed over shards)
  --summary-json FILE    also write the summary as JSON
  --lang en|vi           language of messages

Recurring lines are counted over the whole input in a first pass when it can be read twice (files);
standard input is read once, so give it --line-counts. Records are streamed, never held in memory.
Exit code 1 when something was removed, 0 otherwise, 2 on a usage error or a bad record.`,
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
