/** Small, hostile-input-safe helpers for reading parsed JSON. Nothing here recurses into user data. */

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
