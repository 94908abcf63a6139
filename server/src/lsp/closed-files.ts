import { pathToFileURL } from 'node:url';
import { analyze, type Analysis, type AnalysisOptions } from '../core/analyze';
import { readText } from '../node/read-text';

/** A corpus file that is not open in the editor, read from disk and analysed, or why it could not be read. */
export type ClosedFileAnalysis = { readonly uri: string; readonly analysis: Analysis } | { readonly uri: string; readonly problem: string };

/** Reads and analyses a file that is not open, after yielding once so a long loop over the corpus never holds the server. */
export async function analyzeClosedFile(file: string, optionsFor: (uri: string) => Promise<AnalysisOptions>): Promise<ClosedFileAnalysis> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  const uri = pathToFileURL(file).toString();
  const read = readText(file);
  if ('problem' in read) return { uri, problem: read.problem };
  return { uri, analysis: analyze(read.text, await optionsFor(uri)) };
}
