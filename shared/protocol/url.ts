/**
 * How a request target's path and query are read — by the listener for every callback, and for the requests the
 * engine plays (send, replay) — one way: the first value of a repeated key wins, like Go's `url.Values.Get` that
 * both IM servers' handlers and app backends use. shared/ has no DOM or Node types, so no URL or URLSearchParams.
 */

export interface SplitUrl {
  /** `/` when the URL names none. */
  path: string;
  /** Decoded, first value per key; own data properties only (`__proto__` is a key like any other). */
  query: Record<string, string>;
  /** The query as written, without `?`. */
  rawQuery: string;
}

/** UTF-8 sequence length announced by a lead byte (0: not a lead byte). */
const sequenceLength = (byte: number): number =>
  byte < 0x80 ? 1 : byte < 0xc2 ? 0 : byte < 0xe0 ? 2 : byte < 0xf0 ? 3 : byte < 0xf5 ? 4 : 0;

/** Whether `byte` may follow `lead` in a UTF-8 sequence (the second byte is narrower after E0, ED, F0 and F4). */
function continues(lead: number, byte: number, second: boolean): boolean {
  if (!second) return (byte & 0xc0) === 0x80;
  const [low, high] =
    lead === 0xe0
      ? [0xa0, 0xbf]
      : lead === 0xed
        ? [0x80, 0x9f]
        : lead === 0xf0
          ? [0x90, 0xbf]
          : lead === 0xf4
            ? [0x80, 0x8f]
            : [0x80, 0xbf];
  return byte >= low && byte <= high;
}

/**
 * A run of %XX escapes that is not valid UTF-8, decoded as URLSearchParams does: each maximal broken part of a
 * sequence becomes one U+FFFD.
 */
function decodeBadRun(run: string): string {
  const bytes = run
    .slice(1)
    .split('%')
    .map((pair) => Number.parseInt(pair, 16));
  let out = '';
  for (let i = 0; i < bytes.length; ) {
    const lead = bytes[i] as number;
    const length = sequenceLength(lead);
    let next = i + 1;
    while (next < i + length && next < bytes.length && continues(lead, bytes[next] as number, next === i + 1))
      next += 1;
    out += length > 0 && next === i + length ? String.fromCodePoint(...utf8(bytes.slice(i, next))) : '\uFFFD';
    i = next;
  }
  return out;
}

/** The code point of one complete, valid UTF-8 sequence. */
function utf8(seq: number[]): [number] {
  const [first = 0, ...rest] = seq;
  const mask = [0, 0x7f, 0x1f, 0x0f, 0x07][seq.length] ?? 0;
  return [rest.reduce((code, byte) => (code << 6) | (byte & 0x3f), first & mask)];
}

/** One query component: `+` is a space, %XX escapes decoded, an escape that is not one stays as written. */
function decodeComponent(text: string): string {
  if (text.indexOf('%') < 0) return text.indexOf('+') < 0 ? text : text.replace(/\+/g, ' ');
  const spaced = text.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced.replace(/(?:%[0-9a-f]{2})+|%/gi, (run) => {
      if (run === '%') return run;
      try {
        return decodeURIComponent(run);
      } catch {
        return decodeBadRun(run);
      }
    });
  }
}

/** The query string's values, decoded; the first occurrence of a key wins. */
export function parseQuery(search: string): Record<string, string> {
  const query: Record<string, string> = {};
  if (search === '') return query;
  for (const part of search.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = decodeComponent(eq < 0 ? part : part.slice(0, eq));
    if (Object.hasOwn(query, key)) continue;
    const value = eq < 0 ? '' : decodeComponent(part.slice(eq + 1));
    // Assigning `__proto__` would set the prototype (or be ignored): that one key is defined instead.
    if (key === '__proto__') {
      Object.defineProperty(query, key, { value, enumerable: true, writable: true, configurable: true });
    } else query[key] = value;
  }
  return query;
}

const ORIGIN = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i;

/** The path and decoded query of an origin-relative or absolute URL (any `#fragment` left out). */
export function splitUrl(url: string): SplitUrl {
  const hash = url.indexOf('#');
  const end = hash < 0 ? url.length : hash;
  const start = url.charCodeAt(0) === 47 /* "/" */ ? 0 : (ORIGIN.exec(url)?.[0].length ?? 0);
  const mark = url.indexOf('?', start);
  if (mark < 0 || mark > end) return { path: url.slice(start, end) || '/', query: {}, rawQuery: '' };
  const rawQuery = url.slice(mark + 1, end);
  return { path: url.slice(start, mark) || '/', query: parseQuery(rawQuery), rawQuery };
}
