/**
 * Rule condition paths: dots between keys, `[]` for "any item of the array", `[N]` for one item.
 * `FriendItem[].To_Account` reaches every `To_Account` of every item of `FriendItem`.
 */

export type PathSegment = { kind: 'key'; key: string } | { kind: 'each' } | { kind: 'index'; index: number };

export type ParsedPath = { ok: true; segments: PathSegment[] } | { ok: false; error: string };

const KEY_CHAR = /[^.[\]]/;

export function parsePath(path: string): ParsedPath {
  const segments: PathSegment[] = [];
  let i = 0;
  // After a key or a bracket, the next token is `.key`, `[..]` or the end.
  let expectKey = true;
  while (i < path.length) {
    const ch = path[i];
    if (ch === '[') {
      const close = path.indexOf(']', i);
      if (close < 0) return { ok: false, error: `unclosed "[" at ${i}` };
      const inner = path.slice(i + 1, close);
      if (inner === '') segments.push({ kind: 'each' });
      else if (/^\d+$/.test(inner)) segments.push({ kind: 'index', index: Number(inner) });
      else return { ok: false, error: `"[${inner}]" must be "[]" or a number` };
      i = close + 1;
      expectKey = false;
      continue;
    }
    if (ch === '.') {
      if (expectKey) return { ok: false, error: `empty key at ${i}` };
      i += 1;
      expectKey = true;
      if (i >= path.length) return { ok: false, error: 'path ends with "."' };
      continue;
    }
    if (ch === ']') return { ok: false, error: `unexpected "]" at ${i}` };
    if (!expectKey) return { ok: false, error: `missing "." before "${path.slice(i)}"` };
    let end = i;
    while (end < path.length && KEY_CHAR.test(path[end] ?? '')) end += 1;
    segments.push({ kind: 'key', key: path.slice(i, end) });
    i = end;
    expectKey = false;
  }
  if (segments.length === 0) return { ok: false, error: 'empty path' };
  return { ok: true, segments };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every value the path reaches (several when it crosses `[]`); absent keys contribute nothing. */
export function resolvePath(root: unknown, segments: readonly PathSegment[]): unknown[] {
  let current: unknown[] = [root];
  for (const segment of segments) {
    const next: unknown[] = [];
    for (const value of current) {
      if (segment.kind === 'key') {
        // Own properties only: a path must never reach Object.prototype.
        if (isRecord(value) && Object.hasOwn(value, segment.key)) next.push(value[segment.key]);
      } else if (Array.isArray(value)) {
        // One by one: spreading a 200 000-item array into push() overflows the call stack.
        if (segment.kind === 'each') for (const item of value) next.push(item);
        else if (segment.index < value.length) next.push(value[segment.index]);
      }
    }
    if (next.length === 0) return next;
    current = next;
  }
  return current;
}
