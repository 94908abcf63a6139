/** Tests a path against `vnCorpus.files` globs (`*`, `**`, `?`), either workspace-relative or absolute. */
export function matchesAnyGlob(globs: readonly string[], relative: string, absolute: string): boolean {
  const rel = relative.split('\\').join('/');
  const abs = absolute.split('\\').join('/');
  return globs.some((glob) => {
    const re = toRegExp(glob.split('\\').join('/'));
    return re.test(rel) || re.test(abs);
  });
}

function toRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] ?? '';
    if (c === '*' && glob[i + 1] === '*') {
      source += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += glob[i + 2] === '/' ? 2 : 1;
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else source += c.replace(/[.+^${}()|[\]\\]/gu, '\\$&');
  }
  return new RegExp(`^${source}$`, 'u');
}
