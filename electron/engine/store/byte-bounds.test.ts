// product.md §4 v3: memory and disk bounded by bytes as well as by count; one stored body cut at
// `capture.maxBodyBytes` with `truncated: true`. The probe: 1 MiB bodies for 12 s → RSS 1.52 GB and a 1.22 GB log
// (count-only store, 50 000 by default: about 60 GB); a 10 MB upstream answer → a 31 MB log line. Scaled down here:
// a 1 MiB store and 64 KiB bodies.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RuleSchema } from '../../../shared/contract/index.js';
import { type FakeBackend, startFakeBackend } from '../testing/fake-backend.js';
import { post, removeDir, startTestEngine, type TestEngine, tempDir } from '../testing/test-support.js';

let dir: string | null = null;
let engine: TestEngine | null = null;
let backend: FakeBackend | null = null;
afterEach(async () => {
  await engine?.stop();
  engine = null;
  await backend?.close();
  backend = null;
  await removeDir(dir);
  dir = null;
});

const MiB = 1_048_576;
const ADD = '/callbackExample/callbackBeforeAddFriendCommand';
const add = (n: number, reqMsg: string) =>
  JSON.stringify({
    callbackCommand: 'callbackBeforeAddFriendCommand',
    fromUserID: `u${n}`,
    toUserID: 'b',
    reqMsg,
    ex: '',
  });
const SMALL = { capture: { maxStoreBytes: MiB, maxBodyBytes: 64 * 1024 } };

describe('byte bounds', () => {
  it('keeps the store under capture.maxStoreBytes by dropping the oldest; Clear brings it to zero', async () => {
    engine = await startTestEngine({ settings: SMALL });
    for (let n = 0; n < 60; n += 1) await post(engine.url, ADD, add(n, 'x'.repeat(50_000)));
    const stats = engine.core.stats();
    expect(stats.storeBytes).toBeLessThanOrEqual(MiB);
    expect(stats.storeBytes).toBeGreaterThan(MiB - 60_000);
    // 20 of about 50 KB fit; the newest are kept.
    expect(stats.captures).toBe(20);
    expect(stats.dropped).toBe(40);
    expect(engine.core.allCaptures().map((c) => c.seq)).toEqual(Array.from({ length: 20 }, (_, i) => 41 + i));
    engine.core.clearCaptures();
    expect(engine.core.stats()).toMatchObject({ captures: 0, storeBytes: 0 });
  });

  it('compacts the log past twice capture.maxStoreBytes; a restart loads what the store keeps', async () => {
    dir = await tempDir();
    engine = await startTestEngine({ dataDir: dir, settings: SMALL });
    for (let n = 0; n < 100; n += 1) await post(engine.url, ADD, add(n, 'y'.repeat(50_000)));
    await engine.stop();
    const size = statSync(join(dir, 'captures.ndjson')).size;
    // 100 × 50 KB = 5 MB written; the log never passes 2 MiB by more than the lines of one flush.
    expect(size).toBeLessThan(2 * MiB + 60_000);
    engine = await startTestEngine({ dataDir: dir, settings: SMALL });
    expect(engine.core.allCaptures().at(-1)?.seq).toBe(100);
    expect(engine.core.stats().storeBytes).toBeLessThanOrEqual(MiB);
  });

  it('cuts a stored answer at capture.maxBodyBytes with truncated: true; the answer sent is whole', async () => {
    engine = await startTestEngine({
      settings: { capture: { maxBodyBytes: 4_096 } },
      rules: [
        RuleSchema.parse({
          id: 'big',
          action: { type: 'answer', decision: { verdict: 'allow', override: { big: 'é'.repeat(100_000) } } },
        }),
      ],
    });
    const reply = await post(engine.url, ADD, add(1, 'hi'));
    expect(JSON.parse(reply.text).big).toBe('é'.repeat(100_000));
    const [capture] = engine.core.allCaptures();
    expect(capture?.response?.truncated).toBe(true);
    expect(Buffer.byteLength(capture?.response?.bodyText ?? '')).toBeLessThanOrEqual(4_096);
    expect(Buffer.byteLength(capture?.response?.bodyText ?? '')).toBeGreaterThan(4_090);
    expect(reply.text.startsWith(capture?.response?.bodyText ?? 'no')).toBe(true);
    expect(engine.core.getCapture(capture?.id ?? '')?.response?.truncated).toBe(true);
  });

  it('cuts a stored upstream answer; the IM server gets the backend bytes unchanged', async () => {
    const answer = JSON.stringify({ errCode: 0, errMsg: '', pad: 'z'.repeat(300_000) });
    backend = await startFakeBackend(() => ({ body: answer }));
    dir = await tempDir();
    engine = await startTestEngine({
      dataDir: dir,
      settings: { capture: { maxBodyBytes: 65_536 }, upstream: { url: `${backend.url}/cb` } },
    });
    const reply = await post(engine.url, ADD, add(1, 'hi'));
    expect(reply.text).toBe(answer);
    const [capture] = engine.core.allCaptures();
    expect(capture?.upstream?.truncated).toBe(true);
    expect(capture?.upstream?.bodyText).toBe(answer.slice(0, 65_536));
    await engine.stop();
    const line = readFileSync(join(dir, 'captures.ndjson'), 'utf8');
    // Request, answer, backend answer and the relaying decision: each at most 64 KiB.
    expect(line.length).toBeLessThan(4 * 65_536);
    engine = null;
  });
});
