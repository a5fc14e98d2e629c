import type { Dialect, Finding } from '../contract/capture.js';
import { isObject, type JsonObject, jsonTypeOf } from './json.js';
import type { FieldSpec } from './types.js';

/** At most this many findings per list or per "unknown field" kind, so a 100 000-item array stays readable. */
const CAP = 10;
const INT32 = 2_147_483_647;

const typeName: Record<FieldSpec['type'], string> = {
  string: 'a string',
  number: 'a number',
  boolean: 'a boolean',
  'string[]': 'an array of strings',
  object: 'an object',
  'object[]': 'an array of objects',
};

const join = (base: string, name: string): string => (base ? `${base}.${name}` : name);

function wrongType(path: string, spec: FieldSpec, value: unknown): Finding {
  return {
    level: 'error',
    code: 'wrong-type',
    path,
    message: `${path} must be ${typeName[spec.type]}, got ${jsonTypeOf(value)}.`,
  };
}

function checkNumber(path: string, spec: FieldSpec, value: number, out: Finding[]): void {
  if (!Number.isFinite(value)) {
    out.push({ level: 'error', code: 'out-of-range', path, message: `${path} is not a finite number.` });
    return;
  }
  if (spec.int === undefined) return;
  const max = spec.int === 'int32' ? INT32 : Number.MAX_SAFE_INTEGER;
  if (!Number.isInteger(value)) {
    out.push({ level: 'error', code: 'wrong-type', path, message: `${path} must be an integer, got ${value}.` });
  } else if (Math.abs(value) > max) {
    out.push({
      level: 'warning',
      code: 'out-of-range',
      path,
      message: `${path} (${value}) does not fit in ${spec.int}.`,
    });
  }
}

/** Checks each element of a list, reporting at most CAP problems plus a count of the rest. */
function checkList(
  path: string,
  list: unknown[],
  check: (item: unknown, itemPath: string) => Finding[],
  out: Finding[],
) {
  let problems = 0;
  for (let i = 0; i < list.length; i++) {
    const found = check(list[i], `${path}[${i}]`);
    if (found.length === 0) continue;
    problems++;
    if (problems <= CAP) out.push(...found);
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

function checkValue(path: string, spec: FieldSpec, value: unknown, dialect: Dialect, out: Finding[]): void {
  switch (spec.type) {
    case 'string':
    case 'boolean':
      if (typeof value !== spec.type) out.push(wrongType(path, spec, value));
      return;
    case 'number':
      if (typeof value !== 'number') out.push(wrongType(path, spec, value));
      else checkNumber(path, spec, value, out);
      return;
    case 'object':
      if (!isObject(value)) out.push(wrongType(path, spec, value));
      else if (spec.items) checkObject(path, value, spec.items, dialect, out);
      return;
    case 'string[]':
    case 'object[]':
      // Go encodes a nil slice as null, so OpenIM may legitimately send `null` for a list.
      if (value === null && dialect === 'openim') return;
      if (!Array.isArray(value)) {
        out.push(wrongType(path, spec, value));
        return;
      }
      checkList(path, value, (item, itemPath) => itemFindings(itemPath, spec, item, dialect), out);
  }
}

function itemFindings(path: string, spec: FieldSpec, item: unknown, dialect: Dialect): Finding[] {
  const found: Finding[] = [];
  if (spec.type === 'string[]') {
    if (typeof item !== 'string') found.push(wrongType(path, { ...spec, type: 'string' }, item));
  } else if (!isObject(item)) {
    found.push(wrongType(path, { ...spec, type: 'object' }, item));
  } else if (spec.items) {
    checkObject(path, item, spec.items, dialect, found);
  }
  return found;
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
    checkValue(join(base, spec.name), spec, obj[spec.name], dialect, out);
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
        message: 'operationID in the body: sent only by OpenIM v3.0–v3.3.',
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
