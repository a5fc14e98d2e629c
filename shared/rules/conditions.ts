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
export type ConditionTest = (body: unknown) => boolean;

export type CompiledCondition =
  | { ok: true; test: ConditionTest }
  | { ok: false; field: 'path' | 'value'; error: string };

/** Longest text a regex is run on (matching is linear, this keeps it short on a huge field). */
const MAX_MATCH_INPUT = 10_000;

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

function valueTest(condition: Condition): { ok: true; test: (v: unknown) => boolean } | { ok: false; error: string } {
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
        test: (v) =>
          (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') &&
          re.test(String(v).slice(0, MAX_MATCH_INPUT)),
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
    return { ok: true, test: (body) => !resolvePath(body, segments).some(test) };
  }
  return { ok: true, test: (body) => resolvePath(body, segments).some(test) };
}
