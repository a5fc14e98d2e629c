import { readFile } from 'node:fs/promises';
import { Agent } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildSampleRequest, sampleCommands } from '../../shared/protocol/index.js';
import { post, removeDir, startTestEngine, type TestEngine, tempDir } from './testing/test-support.js';

let engine: TestEngine | null = null;
let dir: string | null = null;
afterEach(async () => {
  await engine?.stop();
  engine = null;
  await removeDir(dir);
  dir = null;
});

/** Sends `total` requests over `connections` keep-alive sockets, `connections` in flight at a time. */
async function blast(
  url: string,
  total: number,
  connections: number,
  target: (n: number) => { path: string; body: string },
) {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const statuses: number[] = new Array(total);
  let next = 0;
  const worker = async () => {
    while (next < total) {
      const n = next;
      next += 1;
      const { path, body } = target(n);
      statuses[n] = (await post(url, path, body, { agent })).status;
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  agent.destroy();
  return statuses;
}

describe('load (loopback, bounded)', () => {
  it('answers 20 000 callbacks over 50 keep-alive connections exactly once each, and captures each once', async () => {
    dir = await tempDir();
    engine = await startTestEngine({ dataDir: dir });
    const samples = sampleCommands().map((info) => buildSampleRequest(info, { nowMs: Date.now() }));
    const total = 20_000;
    const statuses = await blast(engine.url, total, 50, (n) => {
      const sample = samples[n % samples.length];
      if (!sample) throw new Error('no samples');
      // A unique marker per request in the path proves nothing is lost or duplicated.
      const sep = sample.target.includes('?') ? '&' : '?';
      return { path: `${sample.target}${sep}n=${n}`, body: sample.bodyText };
    });
    expect(statuses.filter((s) => s === 200)).toHaveLength(total);
    const captures = engine.core.allCaptures();
    expect(captures).toHaveLength(total);
    const markers = new Set(captures.map((c) => c.request.query.n));
    expect(markers.size).toBe(total);
    expect(captures.every((c) => c.state === 'answered')).toBe(true);
    await engine.stop();
    const lines = (await readFile(join(dir, 'captures.ndjson'), 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(total);
  }, 60_000);

  it('stays bounded when the store limit is exceeded', async () => {
    engine = await startTestEngine({ settings: { capture: { limit: 1000 } } });
    const statuses = await blast(engine.url, 5000, 20, (n) => ({
      path: `/callbackExample/callbackAfterAddFriendCommand?n=${n}`,
      body: '{"callbackCommand":"callbackAfterAddFriendCommand"}',
    }));
    expect(statuses.every((s) => s === 200)).toBe(true);
    expect(engine.core.stats()).toMatchObject({ captures: 1000, dropped: 4000, held: 0 });
    expect(engine.core.listCaptures({ limit: 1 }).total).toBe(1000);
  }, 30_000);
});
