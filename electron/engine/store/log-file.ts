import { type FileHandle, open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fsyncDir } from './persistence.js';

/**
 * The append side of captures.ndjson. It knows how many bytes of the file are whole lines it wrote (`goodSize`);
 * before each append the file is checked against that, so a write that failed half way (disk full) is cut back
 * instead of leaving a torn line in the middle, and a file removed under it (with its directory) is noticed
 * instead of written into the void.
 */
export class LogFile {
  private handle: FileHandle | null = null;
  /** Bytes at the start of the file that end with a whole line (-1: not known yet, read at open). */
  private goodSize = -1;

  constructor(readonly path: string) {}

  /** Appends whole lines; rejects (the file then holds exactly what it held before) on any error. */
  async append(bytes: Buffer): Promise<void> {
    const handle = await this.ready();
    try {
      let done = 0;
      // A write may take only part of the buffer (disk nearly full): the rest goes in the next call.
      while (done < bytes.length) {
        const { bytesWritten } = await handle.write(bytes, done, bytes.length - done);
        done += bytesWritten;
      }
    } catch (err) {
      // Part of a line may be on disk: cut it now when possible, else on the next attempt (ready()).
      await handle.truncate(this.goodSize).catch(() => undefined);
      throw err;
    }
    this.goodSize += bytes.length;
  }

  /** Replaces the file with `bytes` (temp file, fsync, rename): a crash leaves the old file or the new one. */
  async replace(bytes: Buffer): Promise<void> {
    await this.close();
    const temp = join(dirname(this.path), `.${basename(this.path)}.${process.pid}.compact.tmp`);
    try {
      const handle = await open(temp, 'w');
      try {
        await handle.write(bytes, 0, bytes.length);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temp, this.path);
      await fsyncDir(dirname(this.path));
    } catch (err) {
      await unlink(temp).catch(() => undefined);
      throw err;
    }
  }

  /** Empties the file. */
  async truncate(): Promise<void> {
    const handle = await this.ready();
    await handle.truncate(0);
    this.goodSize = 0;
  }

  async close(): Promise<void> {
    const handle = this.handle;
    this.handle = null;
    this.goodSize = -1;
    await handle?.close().catch(() => undefined);
  }

  /** The open handle, checked: still linked, and holding exactly the whole lines written through it. */
  private async ready(): Promise<FileHandle> {
    if (this.handle) {
      const { nlink, size } = await this.handle.stat();
      // Removed (or its directory removed): writes would vanish. Reopening fails until the path exists again.
      if (nlink === 0) await this.close();
      else if (size !== this.goodSize) await this.cutBack(this.handle, size);
    }
    if (this.handle) return this.handle;
    const handle = await open(this.path, 'a+');
    try {
      await this.cutBack(handle, (await handle.stat()).size);
    } catch (err) {
      await handle.close().catch(() => undefined);
      throw err;
    }
    this.handle = handle;
    return handle;
  }

  /**
   * Makes the file end with a whole line: a torn tail (crash or disk full mid-write) is cut back to the last
   * newline, so the next line starts on its own.
   */
  private async cutBack(handle: FileHandle, size: number): Promise<void> {
    let end = size;
    if (this.goodSize >= 0 && size > this.goodSize) end = this.goodSize;
    else end = await lastLineEnd(handle, size);
    if (end !== size) await handle.truncate(end);
    this.goodSize = end;
  }
}

/** The size of the file up to and including its last newline (0 when it has none). */
async function lastLineEnd(handle: FileHandle, size: number): Promise<number> {
  const chunk = Buffer.alloc(64 * 1024);
  let end = size;
  while (end > 0) {
    const start = Math.max(0, end - chunk.length);
    const { bytesRead } = await handle.read(chunk, 0, end - start, start);
    const at = chunk.subarray(0, bytesRead).lastIndexOf(0x0a);
    if (at >= 0) return start + at + 1;
    end = start;
  }
  return 0;
}
