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
