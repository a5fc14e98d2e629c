import type { Dialect, Finding } from '../contract/capture.js';
import { isObject, type JsonObject, jsonTypeOf, own } from './json.js';
import type { FieldSpec } from './types.js';

/** At most this many findings per list or per "unknown field" kind, so a 100 000-item array stays readable. */
const CAP = 10;
const INT32 = 2_147_483_647;
const UINT32 = 4_294_967_295;

/** A field type in words: "must be a string". */
export const TYPE_WORDS: Record<FieldSpec['type'], string> = {
  string: 'a string',
  number: 'a number',
  boolean: 'a boolean',
  'string[]': 'an array of strings',
  'number[]': 'an array of numbers',
  object: 'an object',
  'object[]': 'an array of objects',
};

/** A required string field (for the catalogue tables). */
export const str = (name: string, description: string): FieldSpec => ({
  name,
  type: 'string',
  required: true,
  description,
});

/** A required integer field of a Go integer type (for the catalogue tables). */
export const int = (name: string, int: 'int32' | 'int64' | 'uint32', description: string): FieldSpec => ({
  name,
  type: 'number',
  int,
  required: true,
  description,
});

const join = (base: string, name: string): string => (base ? `${base}.${name}` : name);

function wrongType(path: string, spec: FieldSpec, value: unknown): Finding {
  return {
    level: 'error',
    code: 'wrong-type',
    path,
    message: `${path} must be ${TYPE_WORDS[spec.type]}${spec.also ? ` or ${TYPE_WORDS[spec.also]}` : ''}, got ${jsonTypeOf(value)}.`,
  };
}

/**
 * The checks below take the parent path and the key instead of the field's path: the path string is built only
 * for a finding (validation runs on every callback, and almost every field is fine).
 */
function checkNumber(base: string, name: string, spec: FieldSpec, value: number, out: Finding[]): void {
  if (!Number.isFinite(value)) {
    const path = join(base, name);
    out.push({ level: 'error', code: 'out-of-range', path, message: `${path} is not a finite number.` });
    return;
  }
  if (spec.int === undefined) return;
  const max = spec.int === 'int32' ? INT32 : spec.int === 'uint32' ? UINT32 : Number.MAX_SAFE_INTEGER;
  if (!Number.isInteger(value)) {
    const path = join(base, name);
    out.push({ level: 'error', code: 'wrong-type', path, message: `${path} must be an integer, got ${value}.` });
  } else if (Math.abs(value) > max || (spec.int === 'uint32' && value < 0)) {
    const path = join(base, name);
    out.push({
      level: 'warning',
      code: 'out-of-range',
      path,
      message: `${path} (${value}) does not fit in ${spec.int}.`,
    });
  }
}

/**
 * Checks each element of a list, reporting the problems of at most CAP elements plus a count of the rest.
 * Findings go straight into `out` (no array per element); an element past the cap has its findings taken back.
 */
function checkList(path: string, list: unknown[], spec: FieldSpec, dialect: Dialect, out: Finding[]): void {
  let problems = 0;
  for (let i = 0; i < list.length; i++) {
    const before = out.length;
    checkItem(path, i, spec, list[i], dialect, out);
    if (out.length === before) continue;
    problems++;
    if (problems > CAP) out.length = before;
  }
  if (problems > CAP) {
    out.push({
      level: 'warning',
      code: 'more-problems',
      path,
      message: `${problems - CAP} more items of ${path} have problems.`,
    });
  }
}

function checkValue(
  base: string,
  name: string,
  spec: FieldSpec,
  value: unknown,
  dialect: Dialect,
  out: Finding[],
): void {
  if (value === null && spec.nullable) return;
  // The page's second type: accepted as is (a numeric string is not range-checked).
  if (spec.also !== undefined && typeof value === spec.also) return;
  switch (spec.type) {
    case 'string':
    case 'boolean':
      if (typeof value !== spec.type) out.push(wrongType(join(base, name), spec, value));
      return;
    case 'number':
      if (typeof value !== 'number') out.push(wrongType(join(base, name), spec, value));
      else checkNumber(base, name, spec, value, out);
      return;
    case 'object':
      if (!isObject(value)) out.push(wrongType(join(base, name), spec, value));
      else if (spec.items) checkObject(join(base, name), value, spec.items, dialect, out);
      return;
    case 'string[]':
    case 'number[]':
    case 'object[]':
      // Go encodes a nil slice as null, so OpenIM may legitimately send `null` for a list.
      if (value === null && dialect === 'openim') return;
      if (!Array.isArray(value)) {
        out.push(wrongType(join(base, name), spec, value));
        return;
      }
      checkList(join(base, name), value, spec, dialect, out);
  }
}

function checkItem(listPath: string, index: number, spec: FieldSpec, item: unknown, dialect: Dialect, out: Finding[]) {
  if (spec.type === 'string[]') {
    if (typeof item !== 'string') out.push(wrongType(`${listPath}[${index}]`, { ...spec, type: 'string' }, item));
  } else if (spec.type === 'number[]') {
    if (typeof item !== 'number') out.push(wrongType(`${listPath}[${index}]`, { ...spec, type: 'number' }, item));
    else checkNumber('', `${listPath}[${index}]`, spec, item, out);
  } else if (!isObject(item)) {
    out.push(wrongType(`${listPath}[${index}]`, { ...spec, type: 'object' }, item));
  } else if (spec.items) {
    checkObject(`${listPath}[${index}]`, item, spec.items, dialect, out);
  }
}

/** Each field table's key names, built once per table (the tables are module constants). */
const knownNames = new WeakMap<FieldSpec[], Set<string>>();

function namesOf(specs: FieldSpec[]): Set<string> {
  let names = knownNames.get(specs);
  if (names === undefined) {
    names = new Set(specs.map((s) => s.name));
    knownNames.set(specs, names);
  }
  return names;
}

/** Fields the table drives: missing, mistyped, unknown. Recurses only as deep as the spec tree (two levels). */
export function checkObject(base: string, obj: JsonObject, specs: FieldSpec[], dialect: Dialect, out: Finding[]): void {
  for (const spec of specs) {
    if (!Object.hasOwn(obj, spec.name)) {
      if (!spec.required) continue;
      const path = join(base, spec.name);
      const near = Object.keys(obj).find((k) => k.toLowerCase() === spec.name.toLowerCase());
      const hint = near === undefined ? '' : ` (found "${near}": wire keys are case-sensitive here)`;
      out.push({ level: 'warning', code: 'missing-field', path, message: `Missing field ${path}${hint}.` });
      continue;
    }
    checkValue(base, spec.name, spec, obj[spec.name], dialect, out);
  }
  const known = namesOf(specs);
  let unknown = 0;
  for (const key in obj) {
    // for…in also walks inherited keys; parsed JSON has none, but own keys are what Object.keys gave before.
    if (!Object.hasOwn(obj, key) || known.has(key)) continue;
    unknown++;
    if (unknown > CAP) continue;
    const path = join(base, key);
    if (dialect === 'openim' && key === 'operationID' && !base) {
      out.push({
        level: 'info',
        code: 'legacy-field',
        path,
        message: 'operationID in the body: sent only by OpenIM v3.0–v3.4.0 (pkg/callbackstruct/friend.go @ v3.4.0).',
      });
    } else {
      out.push({ level: 'info', code: 'unknown-field', path, message: `Field ${path} is not part of this command.` });
    }
  }
  if (unknown > CAP) {
    out.push({
      level: 'info',
      code: 'unknown-field',
      path: base,
      message: `${unknown - CAP} more unknown fields.`,
    });
  }
}

const DIALECT_NAME: Record<Dialect, string> = { openim: 'OpenIM', tencent: 'Tencent' };
const kebab = (name: string): string => name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();

/**
 * Values the field table knows more about than their type: a field the server always sends with one value
 * (`always`), a timestamp in the wrong unit (`unit`: seconds look like < 1e11, milliseconds like > 1e11). Top level.
 */
export function checkValues(body: JsonObject, specs: readonly FieldSpec[], dialect: Dialect, out: Finding[]): void {
  for (const spec of specs) {
    if (spec.always === undefined && spec.unit === undefined) continue;
    const value = own(body, spec.name);
    if (spec.always !== undefined && typeof value === typeof spec.always.value && value !== spec.always.value) {
      out.push({
        level: 'warning',
        code: 'unexpected-value',
        path: spec.name,
        message: `${spec.name} is always ${spec.always.value} (${spec.always.meaning}) here.`,
      });
    }
    if (typeof value !== 'number' || value <= 0) continue;
    if (spec.unit === 'ms' && value < 1e11) {
      out.push({
        level: 'warning',
        code: `${kebab(spec.name)}-not-ms`,
        path: spec.name,
        message: `${spec.name} looks like seconds; ${DIALECT_NAME[dialect]} sends milliseconds.`,
      });
    } else if (spec.unit === 's' && value >= 1e11) {
      out.push({
        level: 'warning',
        code: `${kebab(spec.name)}-not-s`,
        path: spec.name,
        message: `${spec.name} looks like milliseconds; ${DIALECT_NAME[dialect]} sends seconds.`,
      });
    }
  }
}
