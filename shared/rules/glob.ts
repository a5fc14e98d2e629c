import { RE2JS } from 're2js';
import type { RuleRegex } from './regex.js';

/** Command matching: an exact name or a glob (`*` any run, `?` one character), both case-insensitive. */

const hasWildcard = (pattern: string): boolean => pattern.includes('*') || pattern.includes('?');

/** RE2 (linear time): a glob such as `*a*a*a*a*b` would backtrack polynomially on a long command in a JS RegExp. */
export function globToRegExp(pattern: string): RuleRegex {
  let source = '';
  for (const ch of pattern) {
    if (ch === '*') source += '.*';
    else if (ch === '?') source += '.';
    else source += ch.replace(/[\\^$.|+()[\]{}]/g, '\\$&');
  }
  return RE2JS.compile(`^${source}$`, RE2JS.CASE_INSENSITIVE);
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
