/** Small, hostile-input-safe helpers for reading JSON. Nothing here recurses into user data. */

export type JsonObject = Record<string, unknown>;

export const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Own property only: a body key `constructor` or `__proto__` must never resolve to Object.prototype members. */
export function own(obj: unknown, key: string): unknown {
  if (!isObject(obj) || !Object.hasOwn(obj, key)) return undefined;
  return obj[key];
}

export function ownString(obj: unknown, key: string): string | undefined {
  const v = own(obj, key);
  return typeof v === 'string' ? v : undefined;
}

/** The JSON type name of a parsed value, for messages ("array", "null", "string"). */
export function jsonTypeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

/** Own keys whose name equals `key` ignoring case, in insertion order (Go's encoding/json matches keys this way). */
export function ownKeysIgnoringCase(obj: JsonObject, key: string): string[] {
  const lower = key.toLowerCase();
  return Object.keys(obj).filter((k) => k.toLowerCase() === lower);
}

/** Quote a user value for a sentence, cut to a readable length. */
export function quote(text: string, max = 80): string {
  const cut = text.length > max ? `${text.slice(0, max - 1)}…` : text;
  return JSON.stringify(cut);
}

/** JSON.stringify that never throws (cycles, BigInt, absurd depth): falls back to a placeholder. */
export function safeStringify(v: unknown, replacer?: (key: string, value: unknown) => unknown): string {
  try {
    return JSON.stringify(v, replacer) ?? 'null';
  } catch {
    return '"[unserialisable]"';
  }
}

/** Go's json.Encoder output: compact, HTML characters escaped, trailing newline. */
export function goJson(v: unknown): string {
  const text = safeStringify(v)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  return `${text}\n`;
}

/**
 * Deepest nesting of objects and arrays the engine accepts in a body. Real callbacks nest 3–4 levels; everything
 * that walks a parsed value recursively (JSON.stringify when a capture is read back, comparisons, the UI's
 * pretty-printer) overflows the call stack somewhere past a few thousand levels.
 */
export const MAX_JSON_DEPTH = 1000;

/**
 * Whether JSON text nests objects/arrays deeper than `max`: one pass over the characters, no recursion, no parse.
 * Meant for text that is valid JSON (brackets inside strings are skipped). Text shorter than 2 × max characters
 * cannot nest that deep and is not scanned at all.
 */
export function jsonDeeperThan(text: string, max = MAX_JSON_DEPTH): boolean {
  if (text.length <= 2 * max) return false;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      depth++;
      if (depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

/** Whether a parsed value nests objects/arrays deeper than `max`; iterative, so it is safe on any depth. */
export function valueDeeperThan(value: unknown, max = MAX_JSON_DEPTH): boolean {
  const stack: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    if (typeof next.value !== 'object' || next.value === null) continue;
    const depth = next.depth + 1;
    if (depth > max) return true;
    for (const child of Object.values(next.value)) stack.push({ value: child, depth });
  }
  return false;
}
