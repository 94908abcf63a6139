import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

/** The URI of the folder of rule pages (`docs/rules/`) next to the bundle or the compiled sources, when it is there. */
export function rulesDocsBase(): string | undefined {
  const candidates = [path.join(__dirname, '..', 'docs', 'rules'), path.join(__dirname, '..', '..', '..', '..', 'docs', 'rules'), path.join(__dirname, '..', '..', '..', 'docs', 'rules')];
  const dir = candidates.find((d) => fs.existsSync(path.join(d, 'boilerplate-footer.md')));
  return dir ? pathToFileURL(dir).toString() : undefined;
}

/** The page documenting a rule, under the rule pages' folder. */
export function ruleDocUrl(docsBase: string | undefined, ruleId: string): string | undefined {
  return docsBase ? `${docsBase}/${ruleId.replace('/', '-')}.md` : undefined;
}
