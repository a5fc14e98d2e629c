import { RE2JS } from 're2js';
import { MAX_REGEX_WORK, regexCost } from './regex-cost.js';

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
 * The largest compiled program a rule's pattern may have (re2js `programSize()`, about one instruction per character
 * class or literal after repeats are expanded). Matching time is linear in the input times this size, so the length of
 * the pattern says nothing: `[a-z]{1000}` is 11 characters and 1 002 instructions; ten such rules held the listener
 * 3–4 s on four 50 KB bodies. At 200, the largest accepted pattern runs over `rules.maxMatchBytes` (64 KiB) in a few
 * ms on a 2-core machine (measured: `[a-z]{198}[0-9]` on 64 KiB of letters, 7 ms; real patterns are 5–60).
 */
export const MAX_REGEX_PROGRAM = 200;

/**
 * Compiles a rule's `matches` pattern with re2js, whose matching time is linear in the input: no pattern and no
 * request field can stall the engine (JavaScript's backtracking RegExp took a minute on `^(a+)+$` and 31 a's).
 * A pattern whose compiled program is over MAX_REGEX_PROGRAM is refused, and so is one whose matching automaton is
 * too costly to build (regex-cost.ts: the size of the program does not bound that, `a[ab]{14}$` is 18 instructions).
 */
export function compileRegex(source: string): CompiledRegex {
  try {
    const re = RE2JS.compile(source);
    const size = re.programSize();
    if (size > MAX_REGEX_PROGRAM) {
      return {
        ok: false,
        error: `regular expression too large: it compiles to ${size} instructions, at most ${MAX_REGEX_PROGRAM} are allowed (a repeat such as {1000} counts each time it repeats)`,
      };
    }
    const costly = costProblem(source);
    return costly === null ? { ok: true, re } : { ok: false, error: costly };
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

/** Patterns already counted (a rule is compiled when checked and again when applied; the rule form checks as typed). */
const COUNTED = new Map<string, string | null>();

/** Why matching `source` could cost too much, or null. */
function costProblem(source: string): string | null {
  const known = COUNTED.get(source);
  if (known !== undefined) return known;
  const cost = regexCost(source);
  let problem: string | null = null;
  if (!cost?.ok) {
    const what = cost
      ? `its matcher grows past ${cost.states} states over ${cost.classes} character classes, more work than the limit of ${MAX_REGEX_WORK.toLocaleString('en')} (about 3 ms) a value may cost`
      : 'its matching cost cannot be measured with this version of re2js';
    problem = `regular expression too costly: "${source}": ${what}. Counted repeats of a class that overlaps what comes before (a[ab]{14}) or of a wide class (\\w{190}) multiply the states; use fewer, or anchor the pattern`;
  }
  if (COUNTED.size >= 1_000) COUNTED.clear();
  COUNTED.set(source, problem);
  return problem;
}
