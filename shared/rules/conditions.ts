import type { Condition } from '../contract/rule.js';
import { parsePath, resolvePath } from './json-path.js';
import { compileRegex } from './regex.js';

/**
 * Condition semantics (a path that crosses `[]` holds when ANY reached value satisfies the op):
 * - `equals`: same JSON value; a number and its decimal string are equal (UIs send text).
 * - `contains`: substring of a string value, or an item of an array value (by `equals`).
 * - `matches`: the regex (RE2 syntax: linear time, so no backreferences or lookaround) finds a match in a
 *   string/number/boolean value.
 * - `exists`: the path reaches a value other than null; `value: false` inverts it (must be absent or null).
 * - `in`: `value` is an array and the reached value `equals` one of its items.
 */
export type ConditionTest = (body: unknown, maxMatchBytes?: number) => boolean;

export type CompiledCondition =
  | { ok: true; test: ConditionTest }
  | { ok: false; field: 'path' | 'value'; error: string };

/** Default of the setting `rules.maxMatchBytes`: how much of a value a regex is run on (product.md §4 v3). */
export const DEFAULT_MAX_MATCH_BYTES = 65_536;

/**
 * The start of `text` that is at most `maxBytes` bytes of UTF-8 (never splitting a character). A regex runs on this
 * only: its time is linear in the input, and this keeps the input short on a huge field.
 */
export function matchInput(text: string, maxBytes: number): string {
  // Every UTF-16 unit is at most 3 bytes of UTF-8 (a surrogate pair, 2 units, is 4).
  if (text.length * 3 <= maxBytes) return text;
  let bytes = 0;
  let i = 0;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const width = c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? 4 : c >= 0xdc00 && c <= 0xdfff ? 0 : 3;
    if (bytes + width > maxBytes) break;
    bytes += width;
  }
  // A high surrogate whose low half did not fit is left out with it.
  return text.slice(0, i);
}

function isPrimitive(v: unknown): v is string | number | boolean | null {
  return v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

export function jsonEquals(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === 'number' && typeof b === 'string') return b.trim() !== '' && Number(b) === a;
  if (typeof a === 'string' && typeof b === 'number') return a.trim() !== '' && Number(a) === b;
  if (isPrimitive(a) || isPrimitive(b) || a === undefined || b === undefined) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => jsonEquals(x, b[i]));
  if (typeof a !== 'object' || typeof b !== 'object') return false;
  // Both are plain JSON objects here (the caller only passes parsed JSON and rule values).
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = Object.keys(ra);
  return keys.length === Object.keys(rb).length && keys.every((k) => Object.hasOwn(rb, k) && jsonEquals(ra[k], rb[k]));
}

type ValueTest = (v: unknown, maxMatchBytes: number) => boolean;

function valueTest(condition: Condition): { ok: true; test: ValueTest } | { ok: false; error: string } {
  const expected = condition.value;
  switch (condition.op) {
    case 'equals':
      if (expected === undefined) return { ok: false, error: '"equals" needs a value' };
      return { ok: true, test: (v) => jsonEquals(v, expected) };
    case 'contains': {
      if (expected === undefined) return { ok: false, error: '"contains" needs a value' };
      const needle = isPrimitive(expected) ? String(expected) : null;
      return {
        ok: true,
        test: (v) =>
          typeof v === 'string'
            ? needle !== null && v.includes(needle)
            : Array.isArray(v) && v.some((item) => jsonEquals(item, expected)),
      };
    }
    case 'matches': {
      if (typeof expected !== 'string') return { ok: false, error: '"matches" needs a regular expression string' };
      const compiled = compileRegex(expected);
      if (!compiled.ok) return compiled;
      const { re } = compiled;
      return {
        ok: true,
        test: (v, maxMatchBytes) =>
          (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') &&
          re.test(matchInput(String(v), maxMatchBytes)),
      };
    }
    case 'in':
      if (!Array.isArray(expected)) return { ok: false, error: '"in" needs an array value' };
      return { ok: true, test: (v) => expected.some((item) => jsonEquals(v, item)) };
    case 'exists':
      if (expected !== undefined && typeof expected !== 'boolean')
        return { ok: false, error: '"exists" takes no value, or true/false' };
      return { ok: true, test: (v) => v !== null && v !== undefined };
  }
}

export function compileCondition(condition: Condition): CompiledCondition {
  const parsed = parsePath(condition.path);
  if (!parsed.ok) return { ok: false, field: 'path', error: parsed.error };
  const check = valueTest(condition);
  if (!check.ok) return { ok: false, field: 'value', error: check.error };
  const { segments } = parsed;
  const { test } = check;
  if (condition.op === 'exists' && condition.value === false) {
    return { ok: true, test: (body) => !resolvePath(body, segments).some((v) => test(v, 0)) };
  }
  return {
    ok: true,
    test: (body, maxMatchBytes = DEFAULT_MAX_MATCH_BYTES) =>
      resolvePath(body, segments).some((v) => test(v, maxMatchBytes)),
  };
}
