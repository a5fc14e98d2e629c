/**
 * A growing byte buffer that text is encoded into as it arrives (one UTF-8 pass per piece, no joined string).
 * Pieces appended here leave the JavaScript heap at once: a batch that waits tens of milliseconds for its write
 * no longer keeps hundreds of strings alive through young-generation collections.
 */
export class ByteBatch {
  private buf: Buffer;
  private used = 0;

  constructor(private readonly initialBytes = 64 * 1024) {
    this.buf = Buffer.allocUnsafeSlow(initialBytes);
  }

  get length(): number {
    return this.used;
  }

  byte(value: number): void {
    this.reserve(1);
    this.buf[this.used++] = value;
  }

  /** Appends `text` as UTF-8; returns where its bytes start. */
  string(text: string): number {
    // A UTF-16 code unit never takes more than 3 bytes in UTF-8.
    this.reserve(text.length * 3);
    const start = this.used;
    this.used += this.buf.write(text, start);
    return start;
  }

  /** Appends a copy of `source[start, end)`. */
  bytes(source: Buffer, start: number, end: number): void {
    this.reserve(end - start);
    this.used += source.copy(this.buf, this.used, start, end);
  }

  /** The bytes so far, without copying; valid until the next append, `take` or `reset`. */
  view(): Buffer {
    return this.buf;
  }

  /**
   * The bytes so far, which now belong to the caller (a pending file write or socket send); the batch starts empty
   * again in a new buffer, so nothing appended later can touch them.
   */
  take(): Buffer {
    const out = this.buf.subarray(0, this.used);
    this.buf = Buffer.allocUnsafeSlow(this.initialBytes);
    this.used = 0;
    return out;
  }

  /** Empties the batch, keeping its buffer. */
  reset(): void {
    this.used = 0;
  }

  private reserve(extra: number): void {
    if (this.used + extra <= this.buf.length) return;
    const bigger = Buffer.allocUnsafeSlow(Math.max(this.buf.length * 2, this.used + extra));
    this.buf.copy(bigger, 0, 0, this.used);
    this.buf = bigger;
  }
}

export const NEWLINE = 0x0a;
export const COMMA = 0x2c;
export const OPEN_BRACKET = 0x5b;
export const CLOSE_BRACKET = 0x5d;
