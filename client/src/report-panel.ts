import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { IndexStatus, ReportUpdate } from '../../server/src/protocol';

const REPORT_REQUEST = 'vnCorpus/report';
const REPORT_NOTIFICATION = 'vnCorpus/reportUpdate';
const INDEX_STATUS_NOTIFICATION = 'vnCorpus/indexStatus';

/** The corpus report webview: shows the server's report, updates as the server pushes newer ones, opens files at a line. */
export class ReportPanel {
  private panel: vscode.WebviewPanel | undefined;
  private latest: ReportUpdate | undefined;

  constructor(private readonly extensionUri: vscode.Uri, private readonly client: Promise<LanguageClient>) {}

  /** Opens the report (or brings it to the front) and asks the server for a current one. */
  async show(): Promise<void> {
    if (this.panel) {
      this.panel.reveal();
    } else {
      const root = vscode.Uri.joinPath(this.extensionUri, 'dist', 'report');
      const panel = vscode.window.createWebviewPanel('vnCorpus.report', vscode.l10n.t('Corpus report'), vscode.ViewColumn.Active, {
        enableScripts: true, retainContextWhenHidden: true, localResourceRoots: [root],
      });
      panel.webview.html = toHtml(panel.webview, root);
      panel.webview.onDidReceiveMessage((message: unknown) => void this.onMessage(message));
      panel.onDidDispose(() => { this.panel = undefined; });
      this.panel = panel;
    }
    const client = await this.client;
    const update = await client.sendRequest<ReportUpdate | null>(REPORT_REQUEST);
    if (update) this.update(update);
  }

  /** A newer report from the server. */
  update(update: ReportUpdate): void {
    if (this.latest && update.version < this.latest.version) return;
    this.latest = update;
    void this.panel?.webview.postMessage({ type: 'report', update });
  }

  private async onMessage(message: unknown): Promise<void> {
    if (typeof message !== 'object' || message === null) return;
    const m = message as { type?: unknown; uri?: unknown; line?: unknown };
    if (m.type === 'ready' && this.latest) void this.panel?.webview.postMessage({ type: 'report', update: this.latest });
    if (m.type === 'open' && typeof m.uri === 'string' && typeof m.line === 'number') {
      const position = new vscode.Position(m.line, 0);
      await vscode.window.showTextDocument(vscode.Uri.parse(m.uri), { selection: new vscode.Range(position, position), viewColumn: vscode.ViewColumn.One, preview: false });
    }
  }
}

/** The page: the bundled script and style from the extension, nothing inline, nothing else allowed. */
function toHtml(webview: vscode.Webview, root: vscode.Uri): string {
  const script = webview.asWebviewUri(vscode.Uri.joinPath(root, 'report.js'));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(root, 'report.css'));
  const csp = `default-src 'none'; script-src ${webview.cspSource}; style-src ${webview.cspSource}; img-src ${webview.cspSource} data:; font-src ${webview.cspSource}`;
  const lang = vscode.env.language.toLowerCase().startsWith('vi') ? 'vi' : 'en';
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${style.toString()}">
</head>
<body>
<script src="${script.toString()}"></script>
</body>
</html>`;
}

/** The status bar item: indexing progress, then the corpus totals; a click opens the report. */
export function createStatusItem(): { item: vscode.StatusBarItem; show(status: IndexStatus): void } {
  const item = vscode.window.createStatusBarItem('vnCorpus.status', vscode.StatusBarAlignment.Left, 10);
  item.name = vscode.l10n.t('Vietnamese News Corpus');
  item.command = 'vnCorpus.showReport';
  item.text = '$(book) vn-corpus';
  item.tooltip = vscode.l10n.t('Show corpus report');
  item.show();
  const n = (x: number): string => x.toLocaleString('en-US').replace(/,/gu, '\u202f');
  return {
    item,
    show(status) {
      if (status.indexing) {
        const label = status.phase === 'report' ? vscode.l10n.t('Summarising {0}/{1}', n(status.done), n(status.total)) : vscode.l10n.t('Indexing {0}/{1}', n(status.done), n(status.total));
        item.text = `$(sync~spin) ${label}`;
      } else if (status.totals) {
        const t = status.totals;
        const flagged = t.lines === 0 ? 0 : (100 * (t.flagged.certain + t.flagged.probable)) / t.lines;
        item.text = `$(graph) ${vscode.l10n.t('{0} files · {1} lines · {2}% flagged', n(t.files), n(t.lines), flagged.toFixed(1))}`;
        item.tooltip = vscode.l10n.t('{0} meetings, {1} references ({2} unknown). Click to show the corpus report.', n(t.meetings), n(t.references), n(t.unknownReferences));
      } else {
        item.text = `$(graph) ${vscode.l10n.t('{0} files', n(status.total))}`;
      }
    },
  };
}

/** Registers "Show corpus report", the status bar item and the server's report notifications. */
export function registerReport(context: vscode.ExtensionContext, client: Promise<LanguageClient>): void {
  const panel = new ReportPanel(context.extensionUri, client);
  const status = createStatusItem();
  context.subscriptions.push(status.item, vscode.commands.registerCommand('vnCorpus.showReport', () => panel.show()));
  void client.then((c) => {
    context.subscriptions.push(
      c.onNotification(REPORT_NOTIFICATION, (update: ReportUpdate) => panel.update(update)),
      c.onNotification(INDEX_STATUS_NOTIFICATION, (s: IndexStatus) => status.show(s)),
    );
  });
}
