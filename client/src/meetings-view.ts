import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { MeetingSummary } from '../../server/src/protocol';

const MEETINGS_REQUEST = 'vnCorpus/meetings';

type Node =
  | { readonly type: 'group'; readonly label: string; readonly children: readonly Node[] }
  | { readonly type: 'meeting'; readonly meeting: MeetingSummary };

/** The Explorer's "Meetings" view: every meeting of the corpus, grouped by year and province, in date order. */
export class MeetingsView implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private roots: Promise<Node[]> | undefined;

  constructor(private readonly client: Promise<LanguageClient>) {}

  /** Asks the server again on the next render. */
  refresh(): void {
    this.roots = undefined;
    this.changed.fire(undefined);
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.type === 'group') {
      const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
      item.description = String(countMeetings(node));
      return item;
    }
    const m = node.meeting;
    const item = new vscode.TreeItem(m.title || m.kind, vscode.TreeItemCollapsibleState.None);
    item.description = [m.when, m.yearEvidence, m.status === 'reported' ? '' : m.status].filter(Boolean).join(' · ');
    const evidence = m.yearEvidence ? ['', vscode.l10n.t('Year: {0}', m.yearEvidence)] : [];
    item.tooltip = new vscode.MarkdownString([`**${m.title}**`, '', `${m.kind} · ${m.when || '?'} · ${m.province || '?'} · ${m.status}`, ...evidence, '', ...m.people.map((p) => `- ${p}`)].join('\n'));
    item.iconPath = new vscode.ThemeIcon('symbol-event');
    const uri = vscode.Uri.parse(m.uri);
    item.resourceUri = uri;
    item.command = { title: 'Open', command: 'vscode.open', arguments: [uri, { selection: new vscode.Range(m.line, 0, m.line, 0) }] };
    return item;
  }

  getChildren(node?: Node): Promise<Node[]> | Node[] {
    if (node) return node.type === 'group' ? [...node.children] : [];
    this.roots ??= this.load();
    return this.roots;
  }

  private async load(): Promise<Node[]> {
    let meetings: MeetingSummary[];
    try {
      const client = await this.client;
      meetings = await client.sendRequest<MeetingSummary[]>(MEETINGS_REQUEST, {});
    } catch (error) {
      return [{ type: 'group', label: vscode.l10n.t('Could not list meetings: {0}', error instanceof Error ? error.message : String(error)), children: [] }];
    }
    return groupBy(meetings, (m) => m.when.slice(0, 4) || '?', (year, inYear) => ({
      type: 'group', label: year,
      children: groupBy(inYear, (m) => m.province || '?', (province, items) => ({
        type: 'group', label: province, children: items.map((meeting) => ({ type: 'meeting', meeting })),
      })),
    }));
  }
}

function groupBy<T>(items: readonly T[], key: (item: T) => string, make: (key: string, items: T[]) => Node): Node[] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return [...groups.entries()].map(([k, list]) => make(k, list));
}

function countMeetings(node: Node): number {
  return node.type === 'meeting' ? 1 : node.children.reduce((n, c) => n + countMeetings(c), 0);
}
