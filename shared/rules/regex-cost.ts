import { RE2JS } from 're2js';

/**
 * What matching a rule's pattern can cost, counted before the rule is accepted (product.md §4 v3 "regex rules").
 *
 * re2js matches `test` with a lazy DFA: each new (state, character class) pair it meets costs a step over the NFA
 * positions of the state; pairs already met cost one table lookup. So the most any value can cost is building the
 * whole reachable DFA once, and that is what this counts — by building it with re2js's own DFA, breadth first, over
 * one character per class (two where a class mixes word and non-word characters), and stopping at the limit. The
 * pattern's length says nothing: `a[ab]{14}$` (10 characters, 18 instructions) has 2^15 states and took 100–500 ms per
 * 64 KiB body, rebuilding its cache on every one; `[a-z]{197}[0-9]` (200 instructions) has 201.
 *
 * The units are about 10 ns each on a 2-core machine, fitted on 23 patterns (steps, positions read, positions
 * written; a large character class such as `\p{L}` is a binary search per position): MAX_REGEX_WORK = 300 000 is
 * about 3 ms, and the bench's `regex` row shows the worst accepted patterns against `rules.maxMatchBytes`.
 */
export const MAX_REGEX_WORK = 300_000;

/** Units per DFA step, per NFA position read (times its class search), per NFA position of the next state. */
const STEP_UNITS = 13;
const WRITE_UNITS = 6;

/** The parts of re2js's DFA (re2js 2.x, not its public API) this counts with; checked at run time. */
export interface DfaState {
  nfaStates: number[];
  isMatch: boolean;
  /** Unanchored transitions by class, once built. */
  next: (DfaState | null)[] | null;
}
interface Inst {
  op: number;
  runes: ArrayLike<number>;
}
export interface Dfa {
  prog: { start: number; getInst(pc: number): Inst };
  numClasses: number;
  classBounds: Int32Array;
  makeState(pcs: number[], flag: number, ids: number[]): DfaState | null;
  step(state: DfaState, cls: number, rune: number, anchor: number): DfaState | null;
}

export const UNANCHORED = 0;
/** re2js Inst.MATCH: a state holding it matches on the next character. */
export const MATCH_OP = 6;
/** The start of the text is the start of a line too (re2js Utils.EMPTY_BEGIN_TEXT | EMPTY_BEGIN_LINE). */
export const AT_TEXT_START = 4 | 1;

export interface RegexCost {
  /** False when building the DFA passed MAX_REGEX_WORK (or re2js's own DFA memory): counting stopped there. */
  ok: boolean;
  work: number;
  states: number;
  classes: number;
}

/** A fresh re2js DFA of the pattern (the bench's adversary walks it too); null when re2js's internals changed. */
export function dfaOf(source: string): Dfa | null {
  const re2 = (RE2JS.compile(source) as unknown as { re2Input?: { dfa?: unknown } }).re2Input;
  const dfa = re2?.dfa as Partial<Dfa> | undefined;
  const usable =
    typeof dfa?.step === 'function' &&
    typeof dfa.makeState === 'function' &&
    dfa.classBounds instanceof Int32Array &&
    typeof dfa.prog?.getInst === 'function';
  return usable ? (dfa as Dfa) : null;
}

const isWordRune = (r: number): boolean =>
  (r >= 48 && r <= 57) || (r >= 65 && r <= 90) || r === 95 || (r >= 97 && r <= 122);

/** One character of each class (its lowest), and one of the other kind when the class mixes word characters. */
export function classSamples(dfa: Dfa): number[][] {
  const out: number[][] = [];
  for (let k = 0; k < dfa.numClasses; k++) {
    const lo = k === 0 ? 0 : (dfa.classBounds[k - 1] as number);
    const hi = k < dfa.classBounds.length ? (dfa.classBounds[k] as number) - 1 : 0x10ffff;
    const samples = [lo];
    for (let r = lo; r <= Math.min(hi, 127); r++) {
      if (isWordRune(r) !== isWordRune(lo)) {
        samples.push(r);
        break;
      }
    }
    out.push(samples);
  }
  return out;
}

/** A position's read cost: a class of many ranges is a binary search. */
function readUnits(dfa: Dfa, pc: number): number {
  const ranges = dfa.prog.getInst(pc).runes.length >> 1;
  return ranges > 4 ? Math.ceil(Math.log2(ranges)) : 1;
}

/** Counts the work of building the pattern's whole DFA, up to MAX_REGEX_WORK. Null: re2js's internals changed. */
export function regexCost(source: string, limit = MAX_REGEX_WORK): RegexCost | null {
  const dfa = dfaOf(source);
  if (!dfa) return null;
  const samples = classSamples(dfa);
  const start = dfa.makeState([dfa.prog.start], AT_TEXT_START, []);
  const cost: RegexCost = { ok: start !== null, work: 0, states: 1, classes: dfa.numClasses };
  if (!start) return cost;
  const seen = new Set<DfaState>([start]);
  const queue = [start];
  for (let s = queue.pop(); s !== undefined && cost.ok; s = queue.pop()) {
    let read = 0;
    for (const pc of s.nfaStates) read += readUnits(dfa, pc);
    for (let cls = 0; cls < samples.length && cost.ok; cls++) {
      for (const rune of samples[cls] as number[]) {
        const next = dfa.step(s, cls, rune, UNANCHORED);
        if (next === null) {
          cost.ok = false; // re2js's DFA ran out of its memory: it would fall back to the slower NFA
          break;
        }
        cost.work += STEP_UNITS + read + WRITE_UNITS * next.nfaStates.length;
        if (!seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
        if (cost.work > limit) {
          cost.ok = false;
          break;
        }
      }
    }
  }
  cost.states = seen.size;
  return cost;
}
