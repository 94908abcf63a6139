import boilerplateTable from '../../../../data/boilerplate.json';
import { parsePhraseTable } from './phrase-table';

/** The built-in phrase table of `server/data/boilerplate.json`, parsed once for every rule that reads it. */
export const BUILT_IN_TABLE = parsePhraseTable(boilerplateTable);
