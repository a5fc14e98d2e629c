import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Capture } from '../../../shared/contract/index.js';
import { startTestEngine, type TestEngine } from '../testing/test-support.js';

/** product.md §1 v2: what the HTTP parser refuses still gets a JSON answer, a capture, and timers that hold. */
let engine: TestEngine;
beforeAll(async () => {
  engine = await startTestEngine();
});
afterAll(async () => engine?.stop());

/** Writes `data` on a fresh connection (`rest` later, if given) and resolves with everything read until it closes. */
function exchange(data: string, rest?: { afterMs: number; data: string }): Promise<string> {
  const { port } = new URL(engine.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => socket.write(data));
    let out = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => {
      out += chunk;
    });
    socket.on('close', () => resolve(out));
    socket.on('error', reject);
    if (rest) setTimeout(() => socket.write(rest.data), rest.afterMs).unref();
  });
}

/** The status lines and JSON bodies of the answers in a raw response stream, in order. */
function answers(raw: string): { status: number; body: unknown }[] {
  const out: { status: number; body: unknown }[] = [];
  let rest = raw;
  for (;;) {
    const m = /^HTTP\/1\.1 (\d{3}) [^\r]*\r\n([\s\S]*?)\r\n\r\n/.exec(rest);
    if (!m) return out;
    const length = Number(/content-length: (\d+)/i.exec(m[2] ?? '')?.[1] ?? 0);
    const start = m[0].length;
    const text = rest.slice(start, start + length);
    out.push({ status: Number(m[1]), body: text === '' ? null : JSON.parse(text) });
    rest = rest.slice(start + length);
  }
}

const cmd = 'callbackBeforeAddFriendCommand';
const json = `{"callbackCommand":"${cmd}","fromUserID":"u1","toUserID":"u2","reqMsg":"","ex":""}`;
const post = (path: string) => `POST ${path} HTTP/1.1\r\nHost: x\r\nContent-Length: ${json.length}\r\n\r\n${json}`;
const byPath = (path: string): Capture | undefined => engine.core.allCaptures().find((c) => c.request.path === path);

describe('listener: requests the HTTP parser refuses', () => {
  it('answers complete pipelined requests before the 400 for the bad bytes after them; captures say what went out', async () => {
    const raw = await exchange(`${post(`/p1/${cmd}`)}${post(`/p2/${cmd}`)}GARBAGE\r\n\r\n`);
    const got = answers(raw);
    expect(got.map((a) => a.status)).toEqual([200, 200, 400]);
    expect(got[0]?.body).toMatchObject({ errCode: 0 });
    expect(got[2]?.body).toMatchObject({ error: { code: 'bad-request' } });
    for (const path of [`/p1/${cmd}`, `/p2/${cmd}`]) {
      expect(byPath(path)).toMatchObject({ state: 'answered', response: { status: 200 } });
    }
  });

  it('answers headers over 16 KiB with 431 and a JSON body, and captures the request line', async () => {
    const raw = await exchange(`POST /big/${cmd} HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(answers(raw)).toEqual([
      { status: 431, body: { error: { code: 'headers-too-large', message: expect.any(String) } } },
    ]);
    const capture = byPath(`/big/${cmd}`);
    expect(capture).toMatchObject({ state: 'failed', command: cmd, response: { status: 431 } });
    expect(capture?.findings.map((f) => f.code)).toEqual(['headers-too-large']);
  });

  it('answers about 3 000 headers with 431 and captures it', async () => {
    let head = `POST /many/${cmd} HTTP/1.1\r\n`;
    for (let i = 0; i < 3_000; i++) head += `h${i}: v\r\n`;
    const raw = await exchange(`${head}\r\n`);
    expect(answers(raw).map((a) => a.status)).toEqual([431]);
    expect(byPath(`/many/${cmd}`)?.response?.status).toBe(431);
  });

  it('answers bad chunk framing with a JSON 400 and captures the request with what its body had', async () => {
    const raw = await exchange(
      `POST /chunk/${cmd} HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{"a":\r\nZZZ\r\n`,
    );
    expect(answers(raw)).toEqual([
      { status: 400, body: { error: { code: 'bad-request', message: expect.any(String) } } },
    ]);
    expect(byPath(`/chunk/${cmd}`)).toMatchObject({ state: 'failed', response: { status: 400 } });
    expect(byPath(`/chunk/${cmd}`)?.request.bodyText).toBe('{"a":');
  });

  it('answers CONNECT with 405 and a JSON body instead of dropping it', async () => {
    const raw = await exchange('CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n');
    expect(answers(raw)).toEqual([
      { status: 405, body: { error: { code: 'method-not-allowed', message: expect.any(String) } } },
    ]);
    const capture = engine.core.allCaptures().find((c) => c.request.method === 'CONNECT');
    expect(capture).toMatchObject({ state: 'failed', response: { status: 405 } });
  });
});

describe('listener: slow clients are cut when the README says (10 s headers, 30 s request)', () => {
  // Each waits for the server's own timer; both run at once to share the wait.
  it.concurrent('answers headers still unfinished after 10 s with a JSON 408', async () => {
    const raw = await exchange(`POST /slow-head/${cmd} HTTP/1.1\r\nHost: x\r\n`);
    expect(answers(raw)).toEqual([
      { status: 408, body: { error: { code: 'request-timeout', message: expect.any(String) } } },
    ]);
  }, 15_000);

  it.concurrent('answers a body still unfinished after 30 s with a JSON 408 and captures it', async () => {
    // Headers complete, then a trickle that never finishes the declared length.
    const raw = await exchange(`POST /slow-body/${cmd} HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{"a":`, {
      afterMs: 12_000,
      data: '1,',
    });
    expect(answers(raw).map((a) => a.status)).toEqual([408]);
    expect(byPath(`/slow-body/${cmd}`)).toMatchObject({ state: 'failed', response: { status: 408 } });
    expect(byPath(`/slow-body/${cmd}`)?.request.bodyText).toBe('{"a":1,');
  }, 40_000);
});
