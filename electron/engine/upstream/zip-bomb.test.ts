// product.md §4 v3: a compressed answer is inflated only as far as the limit. The probe: a 305 KB gzip answer that
// inflates to 300 MB crashed the engine (RangeError: Invalid string length); a 600 KB bomb through send/replay/
// POST /api/send failed with ERR_STRING_TOO_LONG. Scaled down: 100 MB of zeros (about 100 KB of gzip).
import { request } from 'node:http';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { decodedBody, MAX_DECODED_BYTES } from '../outbound/http-exchange.js';
import { type FakeBackend, startFakeBackend } from '../testing/fake-backend.js';
import { post, startTestEngine, type TestEngine } from '../testing/test-support.js';

let engine: TestEngine | null = null;
let backend: FakeBackend | null = null;
afterEach(async () => {
  await engine?.stop();
  engine = null;
  await backend?.close();
  backend = null;
});

const BOMB = gzipSync(Buffer.concat([Buffer.from('{"errCode":0,"pad":"'), Buffer.alloc(100 * 1_048_576, 0x61)]));
const GZIP = { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' };

describe('decompression bombs', () => {
  it('inflates only up to the limit and says the answer was cut', async () => {
    expect(BOMB.length).toBeLessThan(200_000);
    const decoded = await decodedBody(['Content-Encoding', 'gzip'], BOMB);
    expect(decoded?.truncated).toBe(true);
    expect(decoded?.body.length).toBeLessThanOrEqual(MAX_DECODED_BYTES);
    expect(decoded?.body.length).toBeGreaterThan(MAX_DECODED_BYTES - 65_536);
    expect(decoded?.body.subarray(0, 20).toString()).toBe('{"errCode":0,"pad":"');
  });

  it('through upstream: no crash, the stored answer is cut with a finding, the engine keeps answering', async () => {
    backend = await startFakeBackend(() => ({ headers: GZIP, body: BOMB }));
    engine = await startTestEngine({ settings: { upstream: { url: `${backend.url}/cb` } } });
    const reply = await post(engine.url, '/cb/callbackBeforeAddFriendCommand', JSON.stringify({ fromUserID: 'a' }));
    expect(reply.status).toBe(200);
    const [capture] = engine.core.allCaptures();
    expect(capture?.upstream?.truncated).toBe(true);
    expect(capture?.upstream?.findings.map((f) => f.code)).toContain('answer-inflates-too-far');
    expect(Buffer.byteLength(capture?.upstream?.bodyText ?? '')).toBeLessThanOrEqual(1_048_576);
    const settings = engine.core.getSettings();
    await engine.core.updateSettings({ ...settings, upstream: { ...settings.upstream, url: null } });
    expect((await post(engine.url, '/cb/callbackBeforeAddFriendCommand', '{"fromUserID":"b"}')).status).toBe(200);
  });

  it('relays the backend bytes unchanged; stores the inflated start, cut at capture.maxBodyBytes', async () => {
    backend = await startFakeBackend(() => ({ headers: GZIP, body: BOMB }));
    const maxBodyBytes = 65_536;
    engine = await startTestEngine({ settings: { upstream: { url: `${backend.url}/cb` }, capture: { maxBodyBytes } } });
    const url = new URL(`${engine.url}/cb/callbackBeforeAddFriendCommand`);
    const answer = await new Promise<{ status: number; encoding: string | undefined; body: Buffer }>(
      (resolve, reject) => {
        const req = request(url, { method: 'POST', headers: { 'accept-encoding': 'gzip' }, agent: false }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              encoding: res.headers['content-encoding'],
              body: Buffer.concat(chunks),
            }),
          );
        });
        req.on('error', reject);
        req.end('{"fromUserID":"a","toUserID":"b"}');
      },
    );
    // The probe: the relay sent 8 388 373 bytes of inflated, cut text instead of the backend's 102 KB of gzip.
    expect(answer.status).toBe(200);
    expect(answer.encoding).toBe('gzip');
    expect(answer.body.equals(BOMB)).toBe(true);
    const [capture] = engine.core.allCaptures();
    expect(capture?.upstream?.truncated).toBe(true);
    expect(capture?.upstream?.bodyText.length).toBe(maxBodyBytes);
    expect(capture?.upstream?.bodyText.startsWith('{"errCode":0,"pad":"aaaa')).toBe(true);
    expect(capture?.response).toMatchObject({ status: 200, truncated: true });
    expect(capture?.response?.headers['Content-Encoding']).toBe('gzip');
    expect(capture?.response?.bodyText.length).toBe(maxBodyBytes);
  });

  it('through send (POST /api/send, the CLI): a finding, not ERR_STRING_TOO_LONG', async () => {
    backend = await startFakeBackend(() => ({ headers: GZIP, body: BOMB }));
    engine = await startTestEngine();
    const played = await engine.core.playServer({
      to: `${backend.url}/cb`,
      command: 'callbackBeforeAddFriendCommand',
      body: { fromUserID: 'a', toUserID: 'b' },
    });
    if (!played.ok) throw new Error(played.message);
    expect(played.value.upstream?.truncated).toBe(true);
    expect(played.value.upstream?.findings.map((f) => f.code)).toContain('answer-inflates-too-far');
  });
});
