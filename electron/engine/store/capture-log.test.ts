import { readFileSync } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { PersistenceStatus } from '../../../shared/contract/index.js';
import { removeDir, tempDir } from '../testing/test-support.js';
import { CaptureLog } from './capture-log.js';

/** The capture log on real files, in a folder that is removed and brought back under it. */
let dir: string | null = null;
afterEach(async () => {
  await removeDir(dir);
  dir = null;
});

const line = (n: number): string => JSON.stringify({ id: `c${n}`, seq: n, request: { bodyText: 'x'.repeat(100) } });

function open(path: string, maxUnsavedBytes: number) {
  const statuses: PersistenceStatus[] = [];
  let onOk: (() => void) | null = null;
  const log = new CaptureLog(path, {
    log: () => undefined,
    onStatus: (s) => {
      statuses.push(s);
      if (s.ok) onOk?.();
    },
    snapshot: () => ({ refs: [], release: () => undefined }),
    compactAt: () => 1_000_000,
    retryMs: 20,
    maxUnsavedBytes,
  });
  /** Resolves at the next report that writes work again. */
  const recovered = () =>
    new Promise<void>((resolve) => {
      onOk = resolve;
    });
  return { log, statuses, recovered };
}

describe('CaptureLog while its folder is gone', () => {
  it('keeps a bounded queue, counts what it lets go, and writes the rest once the folder is back', async () => {
    dir = await tempDir();
    const data = join(dir, 'data');
    await mkdir(data);
    const path = join(data, 'captures.ndjson');
    const { log, statuses, recovered } = open(path, 2_000);
    log.append(line(0));
    await log.flush();
    await rm(data, { recursive: true });

    // Ten flushes of ~1 200 bytes each: only the newest that fit in 2 000 bytes (plus the one being written) stay.
    for (let batch = 1; batch <= 10; batch++) {
      for (let i = 0; i < 10; i++) log.append(line(batch * 10 + i));
      await log.flush();
    }
    const failing = log.status();
    expect(failing.ok).toBe(false);
    expect(failing.error).toMatch(/ENOENT/);
    expect(failing.unsaved + failing.dropped).toBe(100);
    expect(failing.dropped).toBeGreaterThan(0);
    expect(failing.unsaved).toBeLessThanOrEqual(30);
    expect(statuses.some((s) => !s.ok)).toBe(true);

    const back = recovered();
    await mkdir(data);
    await back;
    await log.close();
    const written = (await readFile(path, 'utf8')).trim().split('\n');
    expect(written).toHaveLength(failing.unsaved);
    // The newest are the ones kept, in order.
    expect(written.at(-1)).toBe(line(109));
    expect(log.status()).toMatchObject({ ok: true, unsaved: 0, dropped: failing.dropped });
    expect(statuses.at(-1)?.ok).toBe(true);
  });
});

describe('CaptureLog compaction', () => {
  it('keeps appending to the old file while the new one is written, and carries those lines over', async () => {
    dir = await tempDir();
    const path = join(dir, 'captures.ndjson');
    // A snapshot of 20 000 lines (about 2.5 MiB): written over several loop turns.
    const kept = Array.from({ length: 20_000 }, (_, n) => line(n));
    const slab = { bytes: Buffer.from(kept.join('')), live: kept.length };
    let at = 0;
    const refs = kept.map((text) => {
      const ref = { slab, at, length: text.length };
      at += text.length;
      return ref;
    });
    let released = false;
    const log = new CaptureLog(path, {
      log: () => undefined,
      onStatus: () => undefined,
      snapshot: () => ({ refs, release: () => (released = true) }),
      compactAt: () => 1_000_000,
    });
    for (let n = 0; n < 50; n++) log.append(line(100_000 + n));
    const compacting = log.compact();
    log.append(line(200_000));
    void log.flush();
    // In the file at once, although the compaction has not finished: a crash now would not lose it.
    expect(readFileSync(path, 'utf8').trim().split('\n').at(-1)).toBe(line(200_000));
    expect(released).toBe(false);
    await compacting;
    expect(released).toBe(true);
    const lines = (await readFile(path, 'utf8')).trim().split('\n');
    // The snapshot (which holds the 50 lines flushed before it), then what came while it was written.
    expect(lines).toHaveLength(20_001);
    expect(lines.at(-1)).toBe(line(200_000));
    expect(lines[0]).toBe(line(0));
    await log.close();
  });

  it('holds neither the lines the store let go nor the tail in memory (1 MiB bodies at full rate reached 2.7 GB)', async () => {
    dir = await tempDir();
    const path = join(dir, 'captures.ndjson');
    // Big lines on buffers of their own, as the store keeps them; the store lets the first half go meanwhile.
    const big = (n: number): string => JSON.stringify({ id: `b${n}`, seq: n, pad: 'x'.repeat(1_048_576) });
    const refs: ({ slab: { bytes: Buffer; live: number }; at: number; length: number } | undefined)[] = [];
    for (let n = 0; n < 8; n++) {
      const bytes = Buffer.from(big(n));
      refs.push({ slab: { bytes, live: 1 }, at: 0, length: bytes.length });
    }
    const snapshot = [...refs];
    const log = new CaptureLog(path, {
      log: () => undefined,
      onStatus: () => undefined,
      snapshot: () => ({ refs: snapshot, release: () => undefined }),
      compactAt: () => 1_000_000,
    });
    const compacting = log.compact();
    for (const ref of refs.slice(0, 4)) if (ref) ref.slab.live = 0; // let go by the store
    // A tail of 12 MiB, more than is copied in the last synchronous step, appended while the new file is written.
    for (let n = 100; n < 112; n++) {
      log.append(big(n));
      void log.flush(); // written to the old file at once
    }
    await compacting;
    await log.flush();
    expect(snapshot.every((ref) => ref === undefined)).toBe(true);
    const ids = (await readFile(path, 'utf8'))
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { id: string }).id);
    expect(ids).toEqual([4, 5, 6, 7, ...Array.from({ length: 12 }, (_, i) => 100 + i)].map((n) => `b${n}`));
    await log.close();
  });
});
