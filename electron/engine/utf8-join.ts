/**
 * `Buffer.from(prefix + parts.join(separator) + suffix)` without the joined string: each part is encoded straight
 * into one buffer. A joined batch (hundreds of kB) would be a large-object-space string — collected only by full
 * GCs — that is then measured and copied again on its way to a socket or file; this is one encoding pass.
 */
export function utf8Join(parts: readonly string[], separator: number, prefix = -1, suffix = -1): Buffer {
  let chars = 2;
  let longest = 0;
  for (const part of parts) {
    chars += part.length + 1;
    if (part.length > longest) longest = part.length;
  }
  // Mostly ASCII in practice: room for that plus a margin, and for the longest part being all 3-byte characters
  // (so a few multi-byte characters near the end do not make the buffer grow); more multi-byte text grows it.
  let buf = Buffer.allocUnsafe(chars + (chars >> 3) + longest * 2 + 16);
  let at = 0;
  if (prefix >= 0) buf[at++] = prefix;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as string; // i < parts.length
    // A UTF-16 code unit never takes more than 3 bytes in UTF-8, so this much room always holds the part.
    const worst = at + part.length * 3 + 2;
    if (worst > buf.length) {
      const bigger = Buffer.allocUnsafe(Math.max(worst, buf.length * 2));
      buf.copy(bigger, 0, 0, at);
      buf = bigger;
    }
    if (i > 0) buf[at++] = separator;
    at += buf.write(part, at);
  }
  if (suffix >= 0) buf[at++] = suffix;
  return buf.subarray(0, at);
}

export const NEWLINE = 0x0a;
export const COMMA = 0x2c;
export const OPEN_BRACKET = 0x5b;
export const CLOSE_BRACKET = 0x5d;
