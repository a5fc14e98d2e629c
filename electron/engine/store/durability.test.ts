import { execFile } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { Agent } from 'node:http';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import type { EngineEvent, PersistenceStatus } from '../../../shared/contract/index.js';
import { createEngine, type Engine } from '../engine.js';
import { errorCode, request } from '../testing/test-http.js';
import { post, removeDir, startTestEngine, type TestEngine, tempDir } from '../testing/test-support.js';

/** product.md §4 "v2 persistence is never silent", on real files: a full tmpfs and a removed data dir. */
const run = promisify(execFile);
let dir: string | null = null;
let mounted: string | null = null;
let engine: TestEngine | null = null;
let full: Engine | null = null;
afterEach(async () => {
  await engine?.stop();
  await full?.stop();
  engine = null;
  full = null;
  if (mounted) await run('umount', [mounted]).catch(() => undefined);
  mounted = null;
  await removeDir(dir);
  dir = null;
});

const ADD = '/callbackExample/callbackBeforeAddFriendCommand';
const body = (n: number) =>
  JSON.stringify({ callbackCommand: 'callbackBeforeAddFriendCommand', fromUserID: `u${n}`, toUserID: 'b', reqMsg: '' });

/** Sends `count` callbacks, `parallel` at a time; resolves with their statuses. */
async function blast(url: string, count: number, parallel = 10): Promise<number[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: parallel });
  const statuses: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const n = next++;
      statuses.push((await post(url, ADD, body(n), { agent })).status);
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  agent.destroy();
  return statuses;
}

const isStatus =
  (ok: boolean) =>
  (e: EngineEvent): e is EngineEvent & { type: 'persistence.status' } =>
    e.type === 'persistence.status' && e.status.ok === ok;

/** A fresh tmpfs of `size`, or null (with the reason) where mounting is not permitted. */
async function tmpfs(size: string): Promise<string | null> {
  const at = await tempDir();
  dir = at;
  try {
    await run('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', at]);
  } catch {
    return null;
  }
  mounted = at;
  return at;
}

const canMount = await (async () => {
  const probe = await tempDir();
  try {
    await run('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe]);
    await run('umount', [probe]);
    return true;
  } catch {
    return false;
  } finally {
    await rm(probe, { recursive: true, force: true });
  }
})();

describe('capture log on a full disk', () => {
  it.skipIf(!canMount)(
    'keeps answering, reports ENOSPC, never tears a line, and saves the queue once space is back (needs mount: root)',
    async () => {
      const root = await tmpfs('4m');
      if (!root) throw new Error('tmpfs mount failed after the probe succeeded');
      const data = join(root, 'data');
      await mkdir(data);
      // Leaves about 600 KiB: room for a few hundred of the 1 400 lines (~1.8 MB together).
      const filler = join(root, 'filler');
      await writeFile(filler, Buffer.alloc(3_500_000, 1));
      engine = await startTestEngine({ dataDir: data });
      const statuses = await blast(engine.url, 1_400);
      expect(statuses.filter((s) => s === 200)).toHaveLength(1_400);

      const failed = await engine.waitForEvent(isStatus(false));
      expect(failed.status.error).toMatch(/ENOSPC/);
      const now: PersistenceStatus = engine.core.persistenceStatus();
      expect(now.ok).toBe(false);
      expect(now.unsaved).toBeGreaterThan(0);
      expect(now.dropped).toBe(0);
      // Whatever made it to disk is whole lines: no torn line in the middle, nothing glued onto one.
      const partial = await readFile(join(data, 'captures.ndjson'), 'utf8');
      expect(partial === '' || partial.endsWith('\n')).toBe(true);
      for (const line of partial.split('\n').filter(Boolean)) expect(() => JSON.parse(line)).not.toThrow();

      await rm(filler);
      await engine.waitForEvent(isStatus(true));
      expect(engine.core.persistenceStatus()).toMatchObject({ ok: true, unsaved: 0, dropped: 0 });
      await engine.stop();
      engine = await startTestEngine({ dataDir: data });
      const seqs = engine.core.allCaptures().map((c) => c.seq);
      expect(seqs).toHaveLength(1_400);
      expect(new Set(seqs).size).toBe(1_400);
    },
    60_000,
  );
});

describe('a data dir that cannot be written (removed while running)', () => {
  it('answers 500 persist-failed to settings and rules changes and changes nothing; the log recovers', async () => {
    dir = await tempDir();
    full = createEngine({ dataDir: dir, controlPort: 0, settings: { listener: { port: 0 } } });
    await full.start();
    const events: EngineEvent[] = [];
    full.subscribe((e) => events.push(e));
    const api = (method: string, path: string, json?: unknown) =>
      request((full as Engine).controlUrl(), path, {
        method,
        headers: { authorization: `Bearer ${(full as Engine).token}` },
        ...(json === undefined ? {} : { body: JSON.stringify(json) }),
      });
    await rm(dir, { recursive: true });

    const before = full.getSettings();
    const patch = await api('PATCH', '/api/settings', { hold: { mode: 'all' } });
    expect(patch.status).toBe(500);
    expect(errorCode(patch)).toBe('persist-failed');
    expect(full.getSettings()).toEqual(before);
    const rules = await api('PUT', '/api/rules', [{ id: 'r', action: { type: 'hold' } }]);
    expect(rules.status).toBe(500);
    expect(errorCode(rules)).toBe('persist-failed');
    expect(full.getRules()).toEqual([]);
    expect(events.some((e) => e.type === 'settings.changed' || e.type === 'rules.changed')).toBe(false);

    // Callbacks are still answered; the log says it cannot write, in health and in an event.
    const reply = await request(full.listenerUrl(), ADD, { method: 'POST', body: body(1) });
    expect(reply.status).toBe(200);
    const failed = await new Promise<PersistenceStatus>((resolve) => {
      const stop = (full as Engine).subscribe((e) => {
        if (e.type === 'persistence.status' && !e.status.ok) {
          stop();
          resolve(e.status);
        }
      });
    });
    expect(failed).toMatchObject({ ok: false, unsaved: 1 });
    expect(failed.error).toMatch(/ENOENT/);
    const health = await api('GET', '/api/health');
    expect((health.json as { persistence: PersistenceStatus }).persistence).toMatchObject({ ok: false, unsaved: 1 });

    const recovered = new Promise<void>((resolve) => {
      const stop = (full as Engine).subscribe((e) => {
        if (e.type === 'persistence.status' && e.status.ok) {
          stop();
          resolve();
        }
      });
    });
    await mkdir(dir);
    await recovered;
    // Once the folder is back, changes save and apply again.
    const again = await api('PATCH', '/api/settings', { hold: { mode: 'all' } });
    expect(again.status).toBe(200);
    expect(full.getSettings().hold.mode).toBe('all');
    expect((await api('PUT', '/api/rules', [{ id: 'r', action: { type: 'hold' } }])).status).toBe(200);
    await full.stop();
    const lines = (await readFile(join(dir, 'captures.ndjson'), 'utf8')).trim().split('\n');
    expect(lines.map((l) => (JSON.parse(l) as { seq: number }).seq)).toEqual([1]);
  });
});

describe('log file health', () => {
  it('skips a corrupt line in the middle, counts it, says where, and rewrites the log without it', async () => {
    dir = await tempDir();
    engine = await startTestEngine({ dataDir: dir });
    await post(engine.url, ADD, body(1));
    await post(engine.url, ADD, body(2));
    await engine.stop();
    const file = join(dir, 'captures.ndjson');
    const [first, second] = (await readFile(file, 'utf8')).trim().split('\n');
    await writeFile(file, `${first}\n{"id":"broken","se\n${second}\n`);
    // What a crash in the middle of a compaction leaves beside the log: removed at start.
    const stale = join(dir, '.captures.ndjson.4242.compact.tmp');
    await writeFile(stale, 'half a compaction');
    const logged: string[] = [];
    engine = await startTestEngine({ dataDir: dir, log: (l) => logged.push(l) });
    expect(engine.core.allCaptures().map((c) => c.seq)).toEqual([1, 2]);
    expect(engine.core.persistenceStatus()).toMatchObject({ ok: true, skippedLines: 1 });
    expect(logged.join('\n')).toMatch(/skipped 1 line\(s\).*line 2/);
    expect((await readFile(file, 'utf8')).trim().split('\n')).toEqual([first, second]);
    await expect(readFile(stale)).rejects.toThrow(/ENOENT/);
  });

  it('keeps the file bounded while running: compacted in the background past 2 x the limit (min 1 000 lines)', async () => {
    dir = await tempDir();
    engine = await startTestEngine({ dataDir: dir, settings: { capture: { limit: 10 } } });
    const statuses = await blast(engine.url, 2_500);
    expect(statuses.every((s) => s === 200)).toBe(true);
    await engine.stop();
    const lines = (await readFile(join(dir, 'captures.ndjson'), 'utf8')).trim().split('\n');
    // Without compaction while running the file held all 2 500 lines.
    expect(lines.length).toBeLessThanOrEqual(1_000);
    engine = await startTestEngine({ dataDir: dir, settings: { capture: { limit: 10 } } });
    expect(engine.core.allCaptures().map((c) => c.seq)).toEqual(Array.from({ length: 10 }, (_, i) => 2_491 + i));
  }, 60_000);
});
