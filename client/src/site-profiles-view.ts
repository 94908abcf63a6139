import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

const SITE_PROFILES_REQUEST = 'vnCorpus/siteProfiles';
const SCHEME = 'vn-corpus-sites';
const URI = vscode.Uri.from({ scheme: SCHEME, path: '/site-profiles.md' });

/** "Show site profiles": a read-only document listing the sites of the corpus, their pages and chrome lines, as the server computed them. */
export function registerSiteProfiles(context: vscode.ExtensionContext, client: Promise<LanguageClient>): void {
  const changed = new vscode.EventEmitter<vscode.Uri>();
  let text = '';
  context.subscriptions.push(
    changed,
    vscode.workspace.registerTextDocumentContentProvider(SCHEME, { onDidChange: changed.event, provideTextDocumentContent: () => text }),
    vscode.commands.registerCommand('vnCorpus.showSiteProfiles', async () => {
      try {
        const result = await (await client).sendRequest<{ text: string } | null>(SITE_PROFILES_REQUEST);
        if (!result) {
          void vscode.window.showInformationMessage(vscode.l10n.t('The corpus is still being indexed; try again in a moment.'));
          return;
        }
        text = result.text;
        changed.fire(URI);
        const doc = await vscode.workspace.openTextDocument(URI);
        await vscode.window.showTextDocument(doc, { preview: false });
      } catch (error) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Could not list site profiles: {0}', error instanceof Error ? error.message : String(error)));
      }
    }),
  );
}
