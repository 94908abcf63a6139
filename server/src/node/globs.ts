import picomatch from 'picomatch';

const compiled = new Map<string, (path: string) => boolean>();

function matcher(glob: string): (path: string) => boolean {
  let test = compiled.get(glob);
  if (!test) {
    test = picomatch(glob.split('\\').join('/'), { dot: true });
    compiled.set(glob, test);
  }
  return test;
}

/** Tests a path against globs (`vnCorpus.files`, `files.exclude`), either workspace-relative or absolute. */
export function matchesAnyGlob(globs: readonly string[], relative: string, absolute: string): boolean {
  const rel = relative.split('\\').join('/');
  const abs = absolute.split('\\').join('/');
  return globs.some((glob) => {
    const test = matcher(glob);
    return test(rel) || test(abs);
  });
}
