import {
  chmodSync,
  closeSync,
  fstatSync,
  ftruncateSync,
  openSync,
  read,
  readSync,
  renameSync,
  statSync,
  writeSync,
} from 'node:fs';
import { open, readdir, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { fsyncDir } from './atomic-file.js';
import type { LineRef } from './line-arena.js';

/** Compaction writes this much at a time. */
const CHUNK_BYTES = 1_048_576;
/**
 * The tail is copied this much at a time: each piece waits for a turn of an event loop that is busy when the tail is
 * long (1 MiB pieces took 21 s for 264 MiB under 1 MiB bodies at full rate).
 */
const TAIL_CHUNK_BYTES = 16 * 1_048_576;
const NEWLINE = Buffer.from('\n');
const readAt = promisify(read);

/** `fs.writeSync`'s shape: the bytes it took (a full disk takes part of a buffer, then throws ENOSPC). */
export type WriteSync = (fd: number, buffer: Buffer, offset: number, length: number) => number;

/** A write that failed after `written` bytes of whole lines reached the file (they stay there). */
export class PartialWriteError extends Error {
  constructor(
    readonly written: number,
    override readonly cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

/**
 * The append side of captures.ndjson. It knows how many bytes of the file are whole lines it wrote (`goodSize`);
 * before each append the file is checked against that, so a write that failed half way (disk full) is cut back
 * instead of leaving a torn line in the middle, and a file removed under it (with its directory) is noticed
 * instead of written into the void.
 *
 * Appends are synchronous system calls on purpose: one batch every 10 ms goes into the page cache in microseconds,
 * and then it survives a `kill -9` at once. Through the thread pool each batch waited for a free thread, twice
 * (stat, write): on a busy machine the log fell hundreds of milliseconds behind the answers already sent.
 */
export class LogFile {
  private fd: number | null = null;
  /** Bytes at the start of the file that end with a whole line (-1: not known yet, read at open). */
  private goodSize = -1;
  /** Where the last append began in the file. */
  appendedAt = -1;
  /** Counts the times the file was closed: a compaction copies from the file it started on, or not at all. */
  generation = 0;

  constructor(
    readonly path: string,
    private readonly writer: WriteSync = writeSync,
  ) {}

  /**
   * Appends whole lines, oldest first, as far as the disk takes them. On an error the whole lines that reached the
   * file stay (a write never becomes all-or-nothing: after a disk-full period the backlog goes in as space allows,
   * not retried whole and cut back every time) and a PartialWriteError says how many bytes that was; a torn last
   * line is cut back.
   */
  append(bytes: Buffer): void {
    const fd = this.ready();
    this.appendedAt = this.goodSize;
    let done = 0;
    try {
      // A write may take only part of the buffer (disk nearly full): the rest goes in the next call.
      while (done < bytes.length) done += this.writer(fd, bytes, done, bytes.length - done);
    } catch (err) {
      const whole = done === 0 ? 0 : bytes.lastIndexOf(0x0a, done - 1) + 1;
      this.goodSize += whole;
      // Part of a line may be on disk: cut it now when possible, else on the next attempt (ready()).
      try {
        ftruncateSync(fd, this.goodSize);
      } catch {}
      throw new PartialWriteError(whole, err);
    }
    this.goodSize += bytes.length;
  }

  /** The end of the whole lines in the file (-1 when not open). */
  get end(): number {
    return this.goodSize;
  }

  /**
   * Writes these lines to a temp file beside the log and fsyncs it; `replace` then puts it in the log's place. The
   * lines are copied and written about 1 MiB at a time, so the event loop (and the appends) run between the writes.
   * Each line is let go once written (`lines` is emptied as it goes), and a line on a buffer of its own that the
   * store let go meanwhile is left out: the snapshot never keeps more alive than the store does. Returns the number
   * of lines written.
   */
  async writeTemp(lines: (LineRef | undefined)[]): Promise<{ temp: string; lines: number }> {
    const temp = join(dirname(this.path), `.${basename(this.path)}.${process.pid}.compact.tmp`);
    let written = 0;
    try {
      const handle = await open(temp, 'w', 0o600);
      try {
        const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
        let used = 0;
        for (let i = 0; i < lines.length; i++) {
          const line = lines[i];
          lines[i] = undefined;
          if (line === undefined || line.slab.live <= 0) continue;
          written += 1;
          if (used > 0 && used + line.length + 1 > CHUNK_BYTES) {
            await handle.write(chunk, 0, used);
            used = 0;
          }
          if (line.length + 1 > CHUNK_BYTES) {
            await handle.writev([line.slab.bytes.subarray(line.at, line.at + line.length), NEWLINE]);
            continue;
          }
          used += line.slab.bytes.copy(chunk, used, line.at, line.at + line.length);
          chunk[used++] = 0x0a;
        }
        if (used > 0) await handle.write(chunk, 0, used);
        await handle.sync();
      } finally {
        await handle.close();
      }
    } catch (err) {
      await unlink(temp).catch(() => undefined);
      throw err;
    }
    return { temp, lines: written };
  }

  /**
   * Copies bytes `from`–`to` of the log (the lines it got while `temp` was written) to the end of `temp`, 1 MiB at
   * a time; `sync`: in one synchronous step (the last few, so that no append falls between the two files).
   */
  async copyTail(temp: string, from: number, to: number): Promise<void> {
    const fd = this.ready();
    const out = openSync(temp, 'a');
    try {
      const chunk = Buffer.allocUnsafe(Math.min(TAIL_CHUNK_BYTES, to - from));
      for (let at = from; at < to; ) {
        const { bytesRead } = await readAt(fd, chunk, 0, Math.min(chunk.length, to - at), at);
        at += this.copied(out, chunk, bytesRead, at, to);
      }
    } finally {
      closeSync(out);
    }
  }

  /**
   * `copyTail` from `from` to the end, in one synchronous step: the last bytes, just before `replace`, so that no
   * append falls between. Throws when the file is not the one of `generation` any more.
   */
  copyTailSync(temp: string, from: number, generation: number): void {
    const fd = this.ready();
    if (this.generation !== generation) throw new Error('the log was reopened meanwhile');
    const to = this.goodSize;
    const out = openSync(temp, 'a');
    try {
      const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
      for (let at = from; at < to; )
        at += this.copied(out, chunk, readSync(fd, chunk, 0, Math.min(chunk.length, to - at), at), at, to);
    } finally {
      closeSync(out);
    }
  }

  /** Writes the `got` bytes read at `at` to `out`; returns `got` (0: the file ended early, an error). */
  private copied(out: number, chunk: Buffer, got: number, at: number, to: number): number {
    if (got === 0) throw new Error(`${this.path} ended at ${at} bytes, before ${to}`);
    for (let done = 0; done < got; ) done += writeSync(out, chunk, done, got - done);
    return got;
  }

  /** Makes `temp` the log (after `copyTail`); a crash before it leaves the old log whole. */
  replace(temp: string): void {
    renameSync(temp, this.path);
    this.close();
    // The rename itself reaches the disk with the next fsync of the folder (best effort, off the loop).
    void fsyncDir(dirname(this.path));
  }

  /** The file's size in bytes (0 when there is none). */
  size(): number {
    try {
      return statSync(this.path).size;
    } catch {
      return 0;
    }
  }

  /** Makes an existing log readable by its owner only (a log from an earlier release was created 0644). */
  tighten(): void {
    try {
      chmodSync(this.path, 0o600);
    } catch {}
  }

  /** Removes compaction temp files a crash left behind (they may be as large as the log). */
  async removeStaleTemps(): Promise<void> {
    const prefix = `.${basename(this.path)}.`;
    const names = await readdir(dirname(this.path)).catch(() => [] as string[]);
    for (const name of names) {
      if (name.startsWith(prefix) && name.endsWith('.compact.tmp'))
        await unlink(join(dirname(this.path), name)).catch(() => undefined);
    }
  }

  /** Removes a temp file that will not be used. */
  async discard(temp: string): Promise<void> {
    await unlink(temp).catch(() => undefined);
  }

  /** Empties the file. */
  truncate(): void {
    ftruncateSync(this.ready(), 0);
    this.goodSize = 0;
  }

  close(): void {
    const fd = this.fd;
    this.fd = null;
    this.goodSize = -1;
    if (fd !== null) {
      this.generation += 1;
      try {
        closeSync(fd);
      } catch {}
    }
  }

  /** The open file, checked: still linked, and holding exactly the whole lines written through it. */
  private ready(): number {
    if (this.fd !== null) {
      const { nlink, size } = fstatSync(this.fd);
      // Removed (or its directory removed): writes would vanish. Reopening fails until the path exists again.
      if (nlink === 0) this.close();
      else if (size !== this.goodSize) this.cutBack(this.fd, size);
    }
    if (this.fd !== null) return this.fd;
    // 0600: the log holds captured callbacks (user IDs, message text, tokens in headers): for its owner only.
    const fd = openSync(this.path, 'a+', 0o600);
    try {
      this.cutBack(fd, fstatSync(fd).size);
    } catch (err) {
      closeSync(fd);
      throw err;
    }
    this.fd = fd;
    return fd;
  }

  /**
   * Makes the file end with a whole line: a torn tail (crash or disk full mid-write) is cut back to the last
   * newline, so the next line starts on its own.
   */
  private cutBack(fd: number, size: number): void {
    const end = this.goodSize >= 0 && size > this.goodSize ? this.goodSize : lastLineEnd(fd, size);
    if (end !== size) ftruncateSync(fd, end);
    this.goodSize = end;
  }
}

/** The size of the file up to and including its last newline (0 when it has none). */
function lastLineEnd(fd: number, size: number): number {
  const chunk = Buffer.alloc(64 * 1024);
  let end = size;
  while (end > 0) {
    const start = Math.max(0, end - chunk.length);
    const bytesRead = readSync(fd, chunk, 0, end - start, start);
    const at = chunk.subarray(0, bytesRead).lastIndexOf(0x0a);
    if (at >= 0) return start + at + 1;
    end = start;
  }
  return 0;
}
