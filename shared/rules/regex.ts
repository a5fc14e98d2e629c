import { RE2JS } from 're2js';

/** A compiled `matches` pattern: only `test` is used. */
export interface RuleRegex {
  test(input: string): boolean;
}

export type CompiledRegex = { ok: true; re: RuleRegex } | { ok: false; error: string };

/**
 * JavaScript regex syntax that an RE2 engine refuses because it needs backtracking (exponential time on a hostile
 * input), each with the words a person gets when their rule uses it.
 */
const UNSUPPORTED: ReadonlyArray<{ pattern: RegExp; words: string }> = [
  { pattern: /\\[1-9]|\\k</, words: 'backreferences (\\1, \\k<name>)' },
  { pattern: /\(\?<[=!]/, words: 'lookbehind ((?<=…), (?<!…))' },
  { pattern: /\(\?[=!]/, words: 'lookahead ((?=…), (?!…))' },
];

/**
 * Compiles a rule's `matches` pattern with re2js, whose matching time is linear in the input: no pattern and no
 * request field can stall the engine (JavaScript's backtracking RegExp took a minute on `^(a+)+$` and 31 a's).
 */
export function compileRegex(source: string): CompiledRegex {
  try {
    return { ok: true, re: RE2JS.compile(source) };
  } catch (err) {
    // Escapes are stripped first so that `\\1` (a backslash, then 1) is not taken for a backreference.
    const bare = source.replace(/\\\\/g, '');
    const unsupported = UNSUPPORTED.filter((u) => u.pattern.test(bare)).map((u) => u.words);
    if (unsupported.length > 0) {
      return {
        ok: false,
        error: `unsupported regular expression syntax: ${unsupported.join(' and ')}; rules use RE2 syntax, which runs in linear time and has no backtracking`,
      };
    }
    return { ok: false, error: `invalid regular expression: ${err instanceof Error ? err.message : String(err)}` };
  }
}
