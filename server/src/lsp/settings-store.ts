import type { Connection } from 'vscode-languageserver';
import type { AnalysisOptions } from '../core/analyze';
import { Catalog } from '../core/references/catalog';
import { defaultSettings, layerSettings, parseSettings, type Settings } from '../core/settings';
import type { Locale, Logger } from '../core/types';
import { loadCatalog, readAllowedLines, readProjectConfig } from '../node/workspace-files';
import { SETTINGS_SECTION } from '../protocol';

/** Holds the layered settings per document and the loaded catalogs; cleared when anything changes. */
export class SettingsStore {
  private readonly perUri = new Map<string, Promise<Settings>>();
  private project: { settings: Settings; catalog: Catalog; allowed: ReadonlySet<string> } | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly logger: Logger,
    private readonly root: string | undefined,
    private readonly locale: Locale,
    private readonly canAskClient: boolean,
    private readonly trusted: () => boolean,
  ) {}

  /** Forgets everything; the next request reads settings and files again. */
  clear(): void {
    this.perUri.clear();
    this.project = undefined;
  }

  /** The settings in force for a document. */
  settingsFor(uri: string): Promise<Settings> {
    let pending = this.perUri.get(uri);
    if (!pending) {
      pending = this.fetch(uri);
      this.perUri.set(uri, pending);
    }
    return pending;
  }

  /** The `files.exclude` globs in force (those set to true), for the workspace index. */
  async filesExclude(uri: string | undefined): Promise<string[]> {
    if (!this.canAskClient) return [];
    try {
      const raw: unknown = await this.connection.workspace.getConfiguration({ ...(uri ? { scopeUri: uri } : {}), section: 'files.exclude' });
      if (!raw || typeof raw !== 'object') return [];
      return Object.entries(raw as Record<string, unknown>).filter(([, on]) => on === true).map(([glob]) => glob);
    } catch {
      return [];
    }
  }

  /** The analysis options for a document. */
  async optionsFor(uri: string): Promise<AnalysisOptions> {
    const settings = await this.settingsFor(uri);
    const project = this.loadProject(settings);
    const options: AnalysisOptions = {
      locale: this.locale,
      severities: settings.rules,
      extraPhrases: this.trusted() ? settings.boilerplate.extraPhrases : [],
      allowedLines: project.allowed,
      catalog: project.catalog,
    };
    // Dates without a year take the corpus period as evidence (the corpus adds neighbouring files).
    const period = settings.meetings.period;
    return period ? { ...options, years: { period } } : options;
  }

  private async fetch(uri: string): Promise<Settings> {
    const project = readProjectConfig(this.trusted() ? this.root : undefined);
    for (const p of project.problems) this.logger.log('warn', `${p.file}: ${p.message} (defaults used)`);
    if (!this.canAskClient) return project.settings;
    try {
      const raw: unknown = await this.connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION });
      const editor = parseSettings(raw);
      for (const p of editor.problems) this.logger.log('warn', `setting ${SETTINGS_SECTION}.${p.field}: ${p.message} (default used)`);
      return layerSettings(project.settings, editor.settings);
    } catch (error) {
      this.logger.log('warn', 'could not read settings; using defaults', error instanceof Error ? error.message : error);
      return layerSettings(project.settings, defaultSettings);
    }
  }

  private loadProject(settings: Settings): { catalog: Catalog; allowed: ReadonlySet<string> } {
    if (this.project) return this.project;
    const trusted = this.trusted();
    const catalog = loadCatalog(this.root, settings.catalogs, trusted);
    for (const p of catalog.problems) this.logger.log('warn', `catalog ${p.file}: ${p.message} (entry skipped)`);
    const allowed = readAllowedLines(this.root);
    for (const p of allowed.problems) this.logger.log('warn', `${p.file}: ${p.message}`);
    this.project = { settings, catalog: catalog.catalog, allowed: allowed.lines };
    return this.project;
  }
}
