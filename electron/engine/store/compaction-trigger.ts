/**
 * When captures.ndjson is due a compaction: past `atLines()` lines or `atBytes()` bytes (the file plus what waits to
 * be written to it). After a compaction fails — the disk may be too full — not again before the file has grown by
 * another that many lines or bytes.
 */
export class CompactionTrigger {
  private afterLines = 0;
  private afterBytes = 0;

  constructor(
    private readonly atLines: () => number,
    private readonly atBytes: () => number,
  ) {}

  /** Whether a log of `lines` lines and `bytes` bytes should be compacted. */
  due(lines: number, bytes: number): boolean {
    return (lines > this.atLines() && lines > this.afterLines) || (bytes > this.atBytes() && bytes > this.afterBytes);
  }

  /** A compaction failed with the file at this size. */
  failed(fileLines: number, fileBytes: number): void {
    this.afterLines = fileLines + this.atLines();
    this.afterBytes = fileBytes + this.atBytes();
  }

  succeeded(): void {
    this.afterLines = 0;
    this.afterBytes = 0;
  }
}
