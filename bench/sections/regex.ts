/**
 * Section "regex" (product.md §4 v3 "no accepted rule can hold the listener for more than a few milliseconds"): the
 * largest accepted pattern of each family that makes a regex matcher work hard (counted repeats after an overlapping
 * class, wide classes, case folding, many character classes), matched by a freshly compiled rule — its DFA built
 * from nothing, as on the first hostile body — against `rules.maxMatchBytes` of the worst input found for it: a walk
 * through the pattern's own DFA that takes a transition not built yet whenever there is one, never entering a match.
 */
import { DEFAULT_MAX_MATCH_BYTES } from '../../shared/rules/conditions.js';
import { compileRule, validateRules } from '../../shared/rules/index.js';
import {
  AT_TEXT_START,
  classSamples,
  type DfaState,
  dfaOf,
  MATCH_OP,
  MAX_REGEX_WORK,
  regexCost,
  UNANCHORED,
} from '../../shared/rules/regex-cost.js';
import type { BenchConfig } from '../config.js';
import { median, round } from '../stats.js';

export interface RegexRow {
  pattern: string;
  /** Work units counted at PUT time (the limit is MAX_REGEX_WORK). */
  work: number;
  states: number;
  /**
   * ms of one match of a fresh rule against the worst input: the fastest of the runs (the pattern's own cost: other
   * work on the machine only adds to it) and their median.
   */
  minMs: number;
  medianMs: number;
}

export interface RegexSection {
  maxMatchBytes: number;
  limit: number;
  rows: RegexRow[];
  /** The slowest row's `minMs` (the budget: a few ms), and its median. */
  worstMs: number;
  worstMedianMs: number;
  worstPattern: string;
  /** Patterns the probe used, refused at PUT. */
  refused: string[];
}

/** Families, each with the repeat count to search down from. */
const FAMILIES: ReadonlyArray<{ make: (k: number) => string; from: number }> = [
  { make: (k) => `a[ab]{${k}}$`, from: 20 },
  { make: (k) => `[ab]*a[ab]{${k}}c`, from: 20 },
  { make: (k) => `[a-z]{${k}}[0-9]`, from: 198 },
  { make: (k) => `\\w{${k}}`, from: 198 },
  { make: (k) => `.{${k}}x`, from: 198 },
  { make: (k) => `(?i)[a-z]{${k}}x`, from: 198 },
  { make: (k) => `\\p{L}{${k}}@`, from: 50 },
  { make: (k) => `(a|aa){1,${k}}$`, from: 60 },
];
const REALISTIC = [
  '(?i)(spam|viagra|casino|lottery|free money)',
  '^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}$',
  '\\p{L}+@',
];
const PROBE = ['a[ab]{14}$', '[a-z]{1000}'];

const accepted = (pattern: string): boolean =>
  validateRules([
    { id: 'r', match: { where: [{ path: 'v', op: 'matches', value: pattern }] }, action: { type: 'hold' } },
  ]).ok;

/** The largest repeat count of the family that is accepted. */
function largestAccepted(make: (k: number) => string, from: number): string | null {
  for (let k = from; k >= 1; k--) if (accepted(make(k))) return make(k);
  return null;
}

/**
 * The worst input found for `pattern`: its whole DFA is built first (as regexCost counts it), then a walk takes, from
 * each state, a transition it has not taken yet (to a state not reached yet first), or goes the shortest way to a
 * state that still has one; never into a match. On a fresh rule every new transition of the walk is work.
 */
export function worstInput(pattern: string, bytes: number, seed = 1): string {
  const dfa = dfaOf(pattern);
  if (!dfa) throw new Error('re2js internals changed');
  const samples = classSamples(dfa).flatMap((runes, cls) => runes.map((rune) => ({ cls, rune })));
  const first = dfa.makeState([dfa.prog.start], AT_TEXT_START, []);
  if (!first) return '';
  const matches = (s: DfaState): boolean => s.isMatch || s.nfaStates.some((pc) => dfa.prog.getInst(pc).op === MATCH_OP);
  // The graph: states by index, edges[state][sample] = next state index, or -1 into (or next to) a match.
  const index = new Map<DfaState, number>([[first, 0]]);
  const states: DfaState[] = [first];
  const edges: number[][] = [];
  for (let i = 0; i < states.length && i < 20_000; i++) {
    const from = states[i] as DfaState;
    edges.push(
      samples.map(({ cls, rune }) => {
        const to = dfa.step(from, cls, rune, UNANCHORED);
        if (!to || matches(to)) return -1;
        if (!index.has(to)) {
          index.set(to, states.length);
          states.push(to);
        }
        return index.get(to) as number;
      }),
    );
  }
  let random = seed;
  const next = (n: number): number => {
    random = (random * 1_103_515_245 + 12_345) % 2_147_483_648;
    return random % n;
  };
  const taken = edges.map((row) => row.map(() => false));
  const openCount = edges.map((row) => row.filter((to) => to >= 0).length);
  const reached = new Set<number>([0]);
  const open = (s: number): number[] =>
    (openCount[s] ?? 0) === 0 ? [] : (edges[s] ?? []).flatMap((to, k) => (to >= 0 && !taken[s]?.[k] ? [k] : []));
  const out: string[] = [];
  let used = 0;
  let at = 0;
  const go = (k: number): void => {
    const rune = samples[k]?.rune ?? 0;
    const char = String.fromCodePoint(rune);
    out.push(char);
    used += Buffer.byteLength(char);
    if (!taken[at]?.[k]) {
      (taken[at] as boolean[])[k] = true;
      openCount[at] = (openCount[at] ?? 1) - 1;
    }
    at = edges[at]?.[k] ?? 0;
    reached.add(at);
  };
  while (used < bytes) {
    const here = open(at);
    if (here.length > 0) {
      const fresh = here.filter((k) => !reached.has(edges[at]?.[k] ?? 0));
      const pool = fresh.length > 0 ? fresh : here;
      go(pool[next(pool.length)] as number);
      continue;
    }
    const path = pathToOpen(edges, at, openCount);
    if (path === null) {
      // Every transition taken: any that does not match, at random.
      const any = (edges[at] ?? []).flatMap((to, k) => (to >= 0 ? [k] : []));
      if (any.length === 0) break;
      go(any[next(any.length)] as number);
    } else for (const k of path) if (used < bytes) go(k);
  }
  return out.join('');
}

/** The samples leading from `from` to the nearest state with a transition not taken yet (breadth first). */
function pathToOpen(edges: number[][], from: number, openCount: number[]): number[] | null {
  const back = new Map<number, [number, number]>([[from, [-1, -1]]]);
  const queue = [from];
  for (let i = 0; i < queue.length; i++) {
    const s = queue[i] as number;
    if (s !== from && (openCount[s] ?? 0) > 0) {
      const path: number[] = [];
      for (let t = s; t !== from; ) {
        const [prev, k] = back.get(t) as [number, number];
        path.unshift(k);
        t = prev;
      }
      return path;
    }
    (edges[s] ?? []).forEach((to, k) => {
      if (to >= 0 && !back.has(to)) {
        back.set(to, [s, k]);
        queue.push(to);
      }
    });
  }
  return null;
}

function timeRule(pattern: string, input: string, maxMatchBytes: number): number {
  const checked = validateRules([
    { id: 'r', match: { where: [{ path: 'v', op: 'matches', value: pattern }] }, action: { type: 'hold' } },
  ]);
  if (!checked.ok) throw new Error(`${pattern} refused`);
  const rule = compileRule(checked.rules[0] as (typeof checked.rules)[number]);
  const started = performance.now();
  rule.matches({ dialect: 'openim', command: 'c', body: { v: input }, maxMatchBytes });
  return performance.now() - started;
}

export function runRegexSection(config: BenchConfig, log: (line: string) => void): RegexSection {
  const maxMatchBytes = DEFAULT_MAX_MATCH_BYTES;
  const runs = config.mode === 'smoke' ? 3 : 15;
  const patterns = [
    ...FAMILIES.map((f) => largestAccepted(f.make, f.from)).filter((p): p is string => p !== null),
    ...REALISTIC,
  ];
  const rows: RegexRow[] = [];
  for (const pattern of patterns) {
    const inputs = [worstInput(pattern, maxMatchBytes, 1), worstInput(pattern, maxMatchBytes, 7)];
    timeRule(pattern, inputs[0] ?? '', maxMatchBytes); // warms the code, not the pattern (a fresh rule each time)
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      times.push(Math.max(...inputs.map((input) => timeRule(pattern, input, maxMatchBytes))));
    }
    const cost = regexCost(pattern);
    rows.push({
      pattern,
      work: cost?.work ?? -1,
      states: cost?.states ?? -1,
      minMs: round(Math.min(...times), 2),
      medianMs: round(median(times), 2),
    });
  }
  const worst = rows.reduce((a, b) => (b.minMs > a.minMs ? b : a));
  const refused = PROBE.filter((p) => !accepted(p));
  for (const row of rows) {
    const { pattern, work, states, minMs, medianMs } = row;
    log(`  ${pattern.padEnd(46)} work ${String(work).padStart(7)}, ${states} states: ${minMs} ms (median ${medianMs})`);
  }
  log(`  worst accepted: ${worst.pattern} ${worst.minMs} ms on ${maxMatchBytes} bytes; refused: ${refused.join(', ')}`);
  return {
    maxMatchBytes,
    limit: MAX_REGEX_WORK,
    rows,
    worstMs: worst.minMs,
    worstMedianMs: worst.medianMs,
    worstPattern: worst.pattern,
    refused,
  };
}

/** The regex budget: the slowest accepted pattern against `rules.maxMatchBytes` runs in a few ms. */
export const REGEX_MAX_MS = 5;

export function regexBudget(section: RegexSection): { name: string; value: number; limit: string; pass: boolean } {
  return {
    name: `Worst accepted regex rule on ${section.maxMatchBytes} bytes, fresh, fastest run (ms): ${section.worstPattern}`,
    value: section.worstMs,
    limit: `≤ ${REGEX_MAX_MS}`,
    pass: section.worstMs <= REGEX_MAX_MS,
  };
}

export function regexReport(section: RegexSection): string {
  const rows = section.rows.map(
    (r) => `  ${r.pattern.padEnd(46)} ${String(r.work).padStart(7)}  ${r.minMs} ms (median ${r.medianMs} ms)`,
  );
  return [
    `\nRegex rules (work limit ${section.limit}; worst input of ${section.maxMatchBytes} bytes, fresh rule):`,
    ...rows,
    `  refused at PUT: ${section.refused.join(', ')}`,
  ].join('\n');
}
