// product.md §4 v3: after a disk-full period the backlog is written as far as space allows, line by line, oldest
// first. The probe: the whole queue went in one write, was cut back every second, and with 32 MB free 600 lines
// stayed unsaved forever. Here the "disk" is a writer that fails with ENOSPC once it has taken `room` bytes.
import { readFileSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { removeDir, tempDir } from '../testing/test-support.js';
import { CaptureLog } from './capture-log.js';

let dir: string | null = null;
afterEach(async () => {
  await removeDir(dir);
  dir = null;
});

const line = (n: number): string => JSON.stringify({ id: `c${n}`, seq: n, pad: 'x'.repeat(90) });
const LINE_BYTES = Buffer.byteLength(line(1000)) + 1;

/** A disk with `room` bytes free: a write takes what fits, the next one fails with ENOSPC (like the kernel). */
function smallDisk(room: number) {
  const disk = { room, attempted: 0 };
  const write = (fd: number, buffer: Buffer, offset: number, length: number): number => {
    disk.attempted += length;
    if (disk.room <= 0) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    const n = writeSync(fd, buffer, offset, Math.min(length, disk.room));
    disk.room -= n;
    return n;
  };
  return { disk, write };
}

function ids(path: string): number[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => (JSON.parse(l) as { seq: number }).seq);
}

describe('CaptureLog after a disk-full period', () => {
  it('writes the backlog as far as space allows, whole lines, oldest first, never twice', async () => {
    dir = await tempDir();
    const path = join(dir, 'captures.ndjson');
    const { disk, write } = smallDisk(0);
    const log = new CaptureLog(path, {
      log: () => undefined,
      onStatus: () => undefined,
      snapshot: () => ({ refs: [], release: () => undefined }),
      compactAt: () => 1_000_000,
      retryMs: 60_000, // retried by hand below (flush), not by the timer
      writeSync: write,
    });
    // 600 lines arrive while the disk is full.
    for (let batch = 0; batch < 6; batch++) {
      for (let i = 0; i < 100; i++) log.append(line(batch * 100 + i + 1000));
      await log.flush();
    }
    expect(log.status()).toMatchObject({ ok: false, unsaved: 600, dropped: 0 });

    // Space for 250.5 lines comes back: 250 whole lines go in, the torn half line is cut back.
    disk.room = Math.floor(250.5 * LINE_BYTES);
    await log.flush();
    expect(ids(path)).toEqual(Array.from({ length: 250 }, (_, i) => i + 1000));
    expect(statSync(path).size).toBe(250 * LINE_BYTES);
    expect(log.status()).toMatchObject({ ok: false, unsaved: 350 });

    // A retry with no space left writes nothing again (the saved lines are not rewritten or cut back).
    const attempted = disk.attempted;
    await log.flush();
    expect(disk.attempted - attempted).toBe(350 * LINE_BYTES);
    expect(ids(path)).toHaveLength(250);

    // More lines meanwhile; then room for everything: the rest, in order, once each.
    log.append(line(1600));
    disk.room = 10_000 * LINE_BYTES;
    await log.flush();
    expect(ids(path)).toEqual(Array.from({ length: 601 }, (_, i) => i + 1000));
    expect(log.status()).toMatchObject({ ok: true, unsaved: 0, dropped: 0 });
    await log.close();
  });
});
