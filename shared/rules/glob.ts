/** Command matching: an exact name or a glob (`*` any run, `?` one character), both case-insensitive. */

const hasWildcard = (pattern: string): boolean => pattern.includes('*') || pattern.includes('?');

export function globToRegExp(pattern: string): RegExp {
  let source = '';
  for (const ch of pattern) {
    if (ch === '*') source += '.*';
    else if (ch === '?') source += '.';
    else source += ch.replace(/[\\^$.|+()[\]{}]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, 'i');
}

/** Compiles once; the returned test runs per request. */
export function commandMatcher(pattern: string | undefined): (command: string | null) => boolean {
  if (pattern === undefined || pattern === '' || pattern === '*') return () => true;
  if (!hasWildcard(pattern)) {
    const lower = pattern.toLowerCase();
    return (command) => command !== null && command.toLowerCase() === lower;
  }
  const re = globToRegExp(pattern);
  return (command) => command !== null && re.test(command);
}
