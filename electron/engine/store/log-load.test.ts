import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { removeDir, tempDir } from '../testing/test-support.js';
import { loadLog } from './log-load.js';

let dir: string | null = null;
afterEach(async () => {
  await removeDir(dir);
  dir = null;
});

const line = (id: string, seq: number, state = 'answered') =>
  JSON.stringify({ id, seq, command: null, state, request: { bodyText: '' } });

describe('loadLog', () => {
  it('hands over the newest `limit` by seq, in seq order, last line per id, skipping and counting bad lines', async () => {
    dir = await tempDir();
    const path = join(dir, 'captures.ndjson');
    // Held captures finish late, so their lines come after newer ones; c2 was written twice (last wins).
    const lines = [line('c1', 1), line('c3', 3), line('c2', 2, 'failed'), 'not json', line('c5', 5), line('c4', 4)];
    await writeFile(path, `${[...lines, line('c2', 2)].join('\n')}\n{"torn":`);
    const kept: string[] = [];
    const loaded = await loadLog(path, 4, (head, text) => kept.push(`${head.id}:${JSON.parse(text).state}`));
    expect(kept).toEqual(['c2:answered', 'c3:answered', 'c4:answered', 'c5:answered']);
    expect(loaded).toEqual({ kept: 4, lastSeq: 5, lines: 8, skipped: 2, skippedAt: [4, 8] });
  });

  it('keeps memory to about the limit on a long log (a window of heads, pruned as it reads)', async () => {
    dir = await tempDir();
    const path = join(dir, 'captures.ndjson');
    await writeFile(path, `${Array.from({ length: 5_000 }, (_, i) => line(`c${i + 1}`, i + 1)).join('\n')}\n`);
    const kept: number[] = [];
    const loaded = await loadLog(path, 10, (head) => kept.push(head.seq));
    expect(kept).toEqual(Array.from({ length: 10 }, (_, i) => 4_991 + i));
    expect(loaded.lines).toBe(5_000);
  });
});
