/**
 * Just enough of Go's encoding/json to predict how OpenIM decodes a callback answer (protocols.md A.2):
 * keys match case-insensitively, ints reject `1.0`, `1e2`, strings and booleans, `null` leaves the zero value,
 * unknown keys are ignored. JSON.parse alone cannot tell `1.0` from `1`, so members are read from the raw text.
 */

export interface RawMember {
  key: string;
  /** The value's exact source text. */
  raw: string;
}

const WS = new Set([' ', '\t', '\n', '\r']);

function skipWs(text: string, i: number): number {
  let j = i;
  while (j < text.length && WS.has(text[j] ?? '')) j++;
  return j;
}

/** Index just past the string starting at `i` (which is a quote). */
function endOfString(text: string, i: number): number {
  let j = i + 1;
  while (j < text.length) {
    const c = text[j];
    if (c === '\\') j += 2;
    else if (c === '"') return j + 1;
    else j++;
  }
  return j;
}

/** Index of the end of the value starting at `i`: a depth counter, not recursion, so nesting depth is harmless. */
function endOfValue(text: string, i: number): number {
  let depth = 0;
  let j = i;
  while (j < text.length) {
    const c = text[j];
    if (c === '"') {
      j = endOfString(text, j);
      if (depth === 0) return j;
      continue;
    }
    if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      if (depth === 0) return j;
      depth--;
      if (depth === 0) return j + 1;
    } else if (c === ',' && depth === 0) return j;
    j++;
  }
  return j;
}

/** Top-level members of a JSON object text, in order (duplicates kept). Call only on text JSON.parse accepted. */
export function topLevelMembers(text: string): RawMember[] {
  const out: RawMember[] = [];
  let i = skipWs(text, 0);
  if (text[i] !== '{') return out;
  i = skipWs(text, i + 1);
  while (i < text.length && text[i] === '"') {
    const keyEnd = endOfString(text, i);
    const key = JSON.parse(text.slice(i, keyEnd)) as string; // valid JSON string literal: the text parsed as a whole
    i = skipWs(text, keyEnd);
    i = skipWs(text, i + 1); // past ':'
    const valueEnd = endOfValue(text, i);
    out.push({ key, raw: text.slice(i, valueEnd).trimEnd() });
    i = skipWs(text, valueEnd);
    if (text[i] !== ',') break;
    i = skipWs(text, i + 1);
  }
  return out;
}

/** `json`: any JSON value, kept as parsed (a field whose Go type this module does not model yet). */
export type GoKind = 'int32' | 'int64' | 'uint32' | 'string' | 'string[]' | 'json';

const INT_LITERAL = /^-?(0|[1-9]\d*)$/;
const RANGE: Record<'int32' | 'int64' | 'uint32', [bigint, bigint]> = {
  int32: [-2_147_483_648n, 2_147_483_647n],
  uint32: [0n, 4_294_967_295n],
  int64: [-9_223_372_036_854_775_808n, 9_223_372_036_854_775_807n],
};

/**
 * Go's verdict on decoding one raw value into a field of this kind: the value, or why it fails. A failed `[]string`
 * still carries what Go stored (`value`): encoding/json keeps decoding after a type error, leaving the bad element "".
 */
export type GoDecodeResult = { ok: true; value: unknown } | { ok: false; why: string; value?: unknown };

function describe(raw: string): string {
  const first = raw[0];
  if (first === '"') return 'a string';
  if (first === '{') return 'an object';
  if (first === '[') return 'an array';
  if (first === 't' || first === 'f') return 'a boolean';
  return `the number ${raw.length > 20 ? `${raw.slice(0, 20)}…` : raw}`;
}

export function goDecode(raw: string, kind: GoKind): GoDecodeResult {
  // `null` leaves the field as it was (its zero value), for every kind.
  if (raw === 'null') return { ok: true, value: null };
  const first = raw[0];
  if (kind === 'json') return { ok: true, value: JSON.parse(raw) };
  if (kind === 'int32' || kind === 'int64' || kind === 'uint32') {
    // strconv.ParseInt on the literal: `1.0`, `1e2` and quoted numbers are type errors.
    if (!INT_LITERAL.test(raw)) return { ok: false, why: `is ${describe(raw)}, not an integer` };
    const n = BigInt(raw);
    const [min, max] = RANGE[kind];
    if (n < min || n > max) return { ok: false, why: `${raw} does not fit in ${kind}` };
    return { ok: true, value: Number(n) };
  }
  if (kind === 'string') {
    // A raw value starting with a quote is a complete string literal (the whole text parsed as JSON).
    return first === '"'
      ? { ok: true, value: JSON.parse(raw) as string }
      : { ok: false, why: `is ${describe(raw)}, not a string` };
  }
  if (first !== '[') return { ok: false, why: `is ${describe(raw)}, not an array of strings` };
  const list: unknown = JSON.parse(raw);
  if (!Array.isArray(list)) return { ok: false, why: 'is not an array of strings' };
  // A `null` element decodes to "" and is kept (Go leaves the new slice element at its zero value).
  const value = list.map((x) => (typeof x === 'string' ? x : ''));
  const bad = list.findIndex((x) => typeof x !== 'string' && x !== null);
  if (bad >= 0) return { ok: false, why: `[${bad}] is not a string`, value };
  return { ok: true, value };
}
