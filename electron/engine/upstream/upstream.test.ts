import { createServer } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { findCommand } from '../../../shared/protocol/index.js';
import { ExchangeAgents, type ExchangeResult, endToEndHeaders, headerRecord } from '../outbound/http-exchange.js';
import { type FakeBackend, startFakeBackend } from '../testing/fake-backend.js';
import { type AnswerContext, forwardCallback, upstreamReply, upstreamTarget } from './upstream.js';

const ADD = 'callbackBeforeAddFriendCommand';
const PREV = 'Sns.CallbackPrevFriendAdd';

describe('upstreamTarget: the URL the IM server would have used', () => {
  const base = 'http://backend:8080/cb';
  it('OpenIM path form: base + "/" + command, any query kept', () => {
    const id = { dialect: 'openim', command: ADD, via: 'path' } as const;
    expect(upstreamTarget(base, id, `/callbackExample/${ADD}`)).toBe(`${base}/${ADD}`);
    expect(upstreamTarget(base, id, `/x/${ADD}?key=abc%3D`)).toBe(`${base}/${ADD}?key=abc%3D`);
    // Plain concatenation, as OpenIM does: a trailing slash in the base doubles.
    expect(upstreamTarget(`${base}/`, id, `/x/${ADD}`)).toBe(`${base}//${ADD}`);
  });

  it('OpenIM legacy query form stays a query form', () => {
    const id = { dialect: 'openim', command: ADD, via: 'legacy-query' } as const;
    expect(upstreamTarget(base, id, `/callbackExample?command=${ADD}&contenttype=json`)).toBe(
      `${base}?command=${ADD}&contenttype=json`,
    );
  });

  it('OpenIM identified from the body only: the current path form', () => {
    const id = { dialect: 'openim', command: ADD, via: 'body' } as const;
    expect(upstreamTarget(base, id, '/callbackExample')).toBe(`${base}/${ADD}`);
  });

  it('Tencent: base + the original query string, untouched', () => {
    const id = { dialect: 'tencent', command: PREV, via: 'tencent-query' } as const;
    const url = `/im?SdkAppid=1400&CallbackCommand=${PREV}&contenttype=json&ClientIP=1.2.3.4&OptPlatform=iOS`;
    expect(upstreamTarget(base, id, url)).toBe(`${base}${url.slice(3)}`);
    expect(upstreamTarget(`${base}?tenant=a`, id, url)).toBe(`${base}?tenant=a&${url.slice(4)}`);
  });

  it('unidentified: base + query', () => {
    const id = { dialect: 'unknown', command: null, via: 'none' } as const;
    expect(upstreamTarget(base, id, '/what?x=1')).toBe(`${base}?x=1`);
    expect(upstreamTarget(base, id, '/what')).toBe(base);
  });
});

const info = findCommand(ADD);
const context: AnswerContext = {
  dialect: 'openim',
  command: ADD,
  phase: 'before',
  requestBody: info?.sample,
  serverTimeoutMs: 5000,
  profile: { dialect: 'openim', version: 'v3.7+' },
};

describe('forwardCallback over real HTTP', () => {
  let backend: FakeBackend | null = null;
  const agents = new ExchangeAgents();
  afterEach(async () => {
    await backend?.close();
    backend = null;
  });

  it('sends method, body bytes and end-to-end headers exactly, relays the answer exactly, reuses connections', async () => {
    backend = await startFakeBackend(() => ({
      status: 201,
      headers: { 'X-Backend': 'yes', 'Content-Type': 'text/json' },
      body: '{"errCode":0}',
    }));
    // Bytes that are not valid UTF-8 must survive too.
    const body = Buffer.concat([
      Buffer.from('{"callbackCommand":"x","bad":"'),
      Buffer.from([0xff, 0xfe]),
      Buffer.from('"}'),
    ]);
    const request = {
      method: 'POST',
      url: `/callbackExample/${ADD}`,
      rawHeaders: [
        'Host',
        'inspector:10006',
        'Operationid',
        'op-1',
        'Connection',
        'keep-alive, X-Hop',
        'X-Hop',
        'h',
        'Transfer-Encoding',
        'chunked',
        'Accept-Encoding',
        'gzip',
        'User-Agent',
        'Go-http-client/1.1',
      ],
      body,
    };
    const target = `${backend.url}/cb/${ADD}`;
    const first = await forwardCallback(request, { target, timeoutMs: 5000, agents });
    const second = await forwardCallback(request, { target, timeoutMs: 5000, agents });
    const got = await backend.nextRequest();
    expect(got.method).toBe('POST');
    expect(got.url).toBe(`/cb/${ADD}`);
    expect(got.body.equals(body)).toBe(true);
    const names = got.rawHeaders.filter((_, i) => i % 2 === 0);
    expect(names).toContain('Operationid');
    expect(names).not.toContain('X-Hop');
    expect(names).not.toContain('Transfer-Encoding');
    expect(got.headers.host).toBe(`127.0.0.1:${backend.port}`);
    expect(got.headers['content-length']).toBe(String(body.length));
    expect(got.headers['user-agent']).toBe('Go-http-client/1.1');
    expect(backend.connections()).toBe(1);
    expect(second.ok).toBe(true);
    if (!first.ok) throw new Error(first.failure.message);
    const reply = await upstreamReply(target, first, context, first.latencyMs);
    expect(reply.relay.raw).toEqual({
      status: 201,
      headers: { 'X-Backend': 'yes', 'Content-Type': 'text/json', Date: expect.any(String) },
      bodyText: '{"errCode":0}',
    });
    expect(reply.exchange).toMatchObject({ url: target, status: 201, bodyText: '{"errCode":0}' });
    expect(reply.failed).toBe(false);
  });

  it('maps a refused connection to a reset for the IM server, and says so', async () => {
    const port = await closedPort();
    const target = `http://127.0.0.1:${port}/cb`;
    const result = await forwardCallback(
      { method: 'POST', url: '/x', rawHeaders: [], body: Buffer.from('{}') },
      { target, timeoutMs: 5000, agents },
    );
    expect(result).toMatchObject({ ok: false, failure: { kind: 'refused' } });
    const reply = await upstreamReply(target, result, context, 3);
    expect(reply.relay).toEqual({ verdict: 'allow', fault: { type: 'reset' } });
    expect(reply.exchange.error).toMatch(/connection refused/);
    expect(reply.exchange.status).toBeNull();
    expect(reply.exchange.outcome).toMatchObject({ effect: 'fails', code: 90004 });
    expect(reply.failed).toBe(true);
  });

  it.each([
    ['reset', { reset: true } as const, 'reset', 'reset'],
    ['close', { close: true } as const, 'closed', 'close'],
    ['hang', { hang: true } as const, 'timeout', 'no-response'],
  ])('backend %s: the failure and what the IM server gets', async (_label, behaviour, kind, fault) => {
    backend = await startFakeBackend(() => behaviour);
    const target = `${backend.url}/cb`;
    const result = await forwardCallback(
      { method: 'POST', url: '/x', rawHeaders: [], body: Buffer.from('{}') },
      { target, timeoutMs: 300, agents },
    );
    expect(result).toMatchObject({ ok: false, failure: { kind } });
    const reply = await upstreamReply(target, result, context, result.latencyMs);
    expect(reply.relay.fault?.type).toBe(fault);
    expect(reply.exchange.outcome?.effect).toBe('fails');
  });

  it('an abort stops waiting', async () => {
    backend = await startFakeBackend(() => ({ hang: true }));
    const controller = new AbortController();
    const pending = forwardCallback(
      { method: 'POST', url: '/x', rawHeaders: [], body: Buffer.from('{}') },
      { target: backend.url, timeoutMs: 60_000, agents, signal: controller.signal },
    );
    await backend.nextRequest();
    controller.abort();
    expect(await pending).toMatchObject({ ok: false, failure: { kind: 'aborted' } });
  });
});

describe('upstreamReply checks the answer', () => {
  const ok = (body: string, status = 200): ExchangeResult => ({
    ok: true,
    answer: { status, rawHeaders: [], body: Buffer.from(body) },
    latencyMs: 5,
  });
  it('non-JSON is a failure the IM server sees as a format error', async () => {
    const reply = await upstreamReply('u', ok('<html>oops</html>', 500), context, 5);
    expect(reply.failed).toBe(true);
    expect(reply.exchange.findings.map((f) => f.code)).toEqual(['answer-status', 'answer-not-json']);
    expect(reply.exchange.outcome).toMatchObject({ effect: 'fails', code: 90007 });
    expect(reply.relay.raw?.bodyText).toBe('<html>oops</html>');
  });

  it('a 500 with a valid JSON body is relayed and not a failure on OpenIM', async () => {
    const reply = await upstreamReply('u', ok('{"actionCode":0,"errCode":0,"nextCode":0}', 500), context, 5);
    expect(reply.failed).toBe(false);
    expect(reply.exchange.outcome?.effect).toBe('proceeds');
  });

  it('string codes are reported and predicted to fail (90007); late answers are errors', async () => {
    const reply = await upstreamReply('u', ok('{"actionCode":0,"errCode":0,"nextCode":"0"}'), context, 4000);
    expect(reply.exchange.findings.map((f) => f.code)).toEqual(['answer-slow', 'answer-wrong-type']);
    expect(reply.exchange.outcome).toMatchObject({ effect: 'fails', code: 90007 });
  });
});

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('header helpers', () => {
  it('endToEndHeaders drops hop-by-hop headers, those named in Connection, and the given ones', () => {
    const raw = ['Host', 'h', 'Connection', 'X-Trace, close', 'X-Trace', '1', 'TE', 'trailers', 'Operationid', 'op'];
    expect(endToEndHeaders(raw, ['host'])).toEqual(['Operationid', 'op']);
  });

  it('headerRecord keeps the first-seen case and joins repeats', () => {
    expect(headerRecord(['Set-Cookie', 'a=1', 'set-cookie', 'b=2', 'X-A', 'v'])).toEqual({
      'Set-Cookie': 'a=1, b=2',
      'X-A': 'v',
    });
  });
});

describe('compressed answers', () => {
  it('a gzip answer (Go asks for gzip) is checked and relayed decompressed, without Content-Encoding', async () => {
    const body = '{"actionCode":0,"errCode":5002,"errMsg":"no","errDlt":"","nextCode":1}';
    const result: ExchangeResult = {
      ok: true,
      answer: {
        status: 200,
        rawHeaders: ['Content-Type', 'application/json', 'Content-Encoding', 'gzip', 'Content-Length', '99'],
        body: gzipSync(body),
      },
      latencyMs: 2,
    };
    const reply = await upstreamReply('u', result, context, 2);
    expect(reply.relay.raw).toEqual({ status: 200, headers: { 'Content-Type': 'application/json' }, bodyText: body });
    expect(reply.exchange.bodyText).toBe(body);
    expect(reply.exchange.headers['Content-Encoding']).toBe('gzip');
    expect(reply.exchange.outcome).toMatchObject({ effect: 'blocked', code: 5002 });
  });
});
