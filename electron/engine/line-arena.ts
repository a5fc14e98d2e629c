/**
 * Where the store keeps finished captures' JSON lines: as UTF-8 bytes in large off-heap slabs instead of as
 * JavaScript strings. A string kept for the whole life of a capture is copied by the young-generation collector
 * when it survives, then marked over and over in the old generation; with 50 000 kept lines that was about a fifth
 * of the engine's CPU time under load. Bytes in a slab cost the collector nothing, and a slab is freed when the
 * last capture pointing into it is dropped (the store drops oldest first, so slabs die in order).
 */

/** Where one line's bytes are. */
export interface LineRef {
  slab: Buffer;
  at: number;
  length: number;
}

const SLAB_BYTES = 1_048_576;
/** UTF-8 needs at most 3 bytes per UTF-16 code unit. */
const MAX_BYTES_PER_UNIT = 3;

export class LineArena {
  private slab: Buffer = Buffer.allocUnsafeSlow(0);
  private used = 0;

  /** Copies `line` into a slab. */
  put(line: string): LineRef {
    const room = this.slab.length - this.used;
    if (line.length * MAX_BYTES_PER_UNIT > room) {
      const needed = Buffer.byteLength(line);
      if (needed > room) {
        if (needed > SLAB_BYTES / 4) {
          // A huge line gets its own buffer; the current slab stays open for the next ones.
          const own = Buffer.from(line, 'utf8');
          return { slab: own, at: 0, length: own.length };
        }
        this.slab = Buffer.allocUnsafeSlow(SLAB_BYTES);
        this.used = 0;
      }
    }
    const at = this.used;
    const length = this.slab.write(line, at);
    this.used += length;
    return { slab: this.slab, at, length };
  }
}

export function lineText(ref: LineRef): string {
  return ref.slab.toString('utf8', ref.at, ref.at + ref.length);
}
