/** A batch of whole lines flushed together, not yet on disk. */
export interface Chunk {
  bytes: Buffer;
  lines: number;
  /** Its captures are in the snapshot a running compaction writes: not written again into the new file. */
  inSnapshot?: boolean;
}

function countLines(bytes: Buffer): number {
  let lines = 0;
  for (let at = bytes.indexOf(0x0a); at >= 0; at = bytes.indexOf(0x0a, at + 1)) lines += 1;
  return lines;
}

/**
 * The capture log's backlog: flushed lines whose write failed, oldest first, kept until the disk takes them.
 * Bounded: past `maxBytes` the oldest are let go first and counted in `dropped` (product.md §4: never silent).
 */
export class UnsavedLines {
  private chunks: Chunk[] = [];
  /** Bytes and lines held. */
  bytes = 0;
  lines = 0;
  /** Lines let go because the backlog was over its bound. */
  dropped = 0;

  constructor(private readonly maxBytes: number) {}

  get empty(): boolean {
    return this.chunks.length === 0;
  }

  /** Adds a flushed batch of `lines` whole lines. */
  push(bytes: Buffer, lines: number): void {
    this.chunks.push({ bytes, lines });
    this.bytes += bytes.length;
    this.lines += lines;
    while (this.bytes > this.maxBytes && this.chunks.length > 1) {
      const oldest = this.chunks.shift() as Chunk; // length > 1
      this.forget([oldest]);
      this.dropped += oldest.lines;
    }
  }

  /** Everything held, oldest first, as one buffer to append. */
  joined(): Buffer {
    const chunks = this.chunks;
    return chunks.length === 1 ? (chunks[0] as Chunk).bytes : Buffer.concat(chunks.map((c) => c.bytes)); // length checked
  }

  /**
   * The first `bytes` (whole lines) are in the file now: takes them off, oldest first, and returns them (a chunk
   * written in part is split, both parts keeping its snapshot mark).
   */
  written(bytes: number): Chunk[] {
    const done: Chunk[] = [];
    let left = bytes;
    while (left > 0 && this.chunks.length > 0) {
      const chunk = this.chunks[0] as Chunk; // length checked
      if (chunk.bytes.length <= left) {
        this.chunks.shift();
        done.push(chunk);
        left -= chunk.bytes.length;
        continue;
      }
      const head = chunk.bytes.subarray(0, left);
      const lines = countLines(head);
      done.push({ bytes: head, lines, ...(chunk.inSnapshot ? { inSnapshot: true } : {}) });
      chunk.bytes = chunk.bytes.subarray(left);
      chunk.lines -= lines;
      left = 0;
    }
    this.forget(done);
    return done;
  }

  /** Lets everything go (the log is cleared: these lines are not wanted any more). */
  clear(): void {
    this.forget(this.chunks);
    this.chunks = [];
  }

  /** Marks (or unmarks) everything held as covered by the snapshot a compaction is writing. */
  markSnapshot(inSnapshot: boolean): void {
    for (const chunk of this.chunks) chunk.inSnapshot = inSnapshot;
  }

  /** The compacted file took the old one's place: the lines its snapshot holds must not be written again. */
  dropSnapshotted(): void {
    this.forget(this.chunks.filter((c) => c.inSnapshot));
    this.chunks = this.chunks.filter((c) => !c.inSnapshot);
  }

  /** Takes chunks off the counts. */
  private forget(chunks: readonly Chunk[]): void {
    for (const chunk of chunks) {
      this.bytes -= chunk.bytes.length;
      this.lines -= chunk.lines;
    }
  }
}
