/**
 * Where the store keeps finished captures' JSON lines: as UTF-8 bytes in large off-heap slabs instead of as
 * JavaScript strings. A string kept for the whole life of a capture is copied by the young-generation collector
 * when it survives, then marked over and over in the old generation; with 50 000 kept lines that was about a fifth
 * of the engine's CPU time under load. Bytes in a slab cost the collector nothing.
 *
 * Each slab counts the lines still stored in it. The store drops oldest first, so slabs empty in order; an empty
 * slab is filled again instead of mapping fresh memory (a page fault per 4 KiB, expensive in a virtual machine).
 */

export interface Slab {
  readonly bytes: Buffer;
  /** Lines put here and not yet released. */
  live: number;
}

/** Where one line's bytes are. */
export interface LineRef {
  slab: Slab;
  at: number;
  length: number;
}

const SLAB_BYTES = 1_048_576;
/** Lines longer than this get a buffer of their own. */
const OWN_BUFFER_BYTES = SLAB_BYTES / 4;
/** UTF-8 needs at most 3 bytes per UTF-16 code unit. */
const MAX_BYTES_PER_UNIT = 3;
/** Empty slabs kept for reuse; more are left to the collector. */
const SPARE_SLABS = 4;

export class LineArena {
  private slab: Slab = { bytes: Buffer.alloc(0), live: 0 };
  private used = 0;
  private readonly spare: Slab[] = [];
  /** While above 0 (a compaction is copying lines out), no slab is refilled: the bytes being read stay as they are. */
  private pins = 0;

  /** Copies `line` into a slab. */
  put(line: string): LineRef {
    const room = this.slab.bytes.length - this.used;
    if (line.length * MAX_BYTES_PER_UNIT > room) {
      const needed = Buffer.byteLength(line);
      if (needed > room) {
        if (needed > OWN_BUFFER_BYTES) {
          // A huge line gets its own buffer; the current slab stays open for the next ones.
          const bytes = Buffer.from(line, 'utf8');
          return { slab: { bytes, live: 1 }, at: 0, length: bytes.length };
        }
        this.nextSlab();
      }
    }
    const at = this.used;
    const length = this.slab.bytes.write(line, at);
    this.used += length;
    this.slab.live += 1;
    return { slab: this.slab, at, length };
  }

  /** Keeps every slab's bytes as they are until the returned function is called (lines may still be released). */
  pin(): () => void {
    this.pins += 1;
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.pins -= 1;
    };
  }

  /** The line is no longer stored: its slab may be reused once none of its lines are. */
  release(ref: LineRef): void {
    const { slab } = ref;
    slab.live -= 1;
    if (
      slab.live === 0 &&
      slab !== this.slab &&
      this.pins === 0 &&
      slab.bytes.length === SLAB_BYTES &&
      this.spare.length < SPARE_SLABS
    ) {
      this.spare.push(slab);
    }
  }

  private nextSlab(): void {
    const old = this.slab;
    // The slab being closed may already be empty (every line in it released while it was open).
    if (old.live === 0 && this.pins === 0 && old.bytes.length === SLAB_BYTES && this.spare.length < SPARE_SLABS) {
      this.spare.push(old);
    }
    const spare = this.pins === 0 ? this.spare.pop() : undefined;
    this.slab = spare ?? { bytes: Buffer.allocUnsafeSlow(SLAB_BYTES), live: 0 };
    this.used = 0;
  }
}

export function lineText(ref: LineRef): string {
  return ref.slab.bytes.toString('utf8', ref.at, ref.at + ref.length);
}
