import { afterEach, describe, expect, it } from 'vitest';
import type { Capture, SessionFile } from '../../../shared/contract/index.js';
import { createEngine, type Engine } from '../engine.js';
import { errorCode, request } from '../testing/test-http.js';

/** product.md §1 v2: a stored capture can always be read back; nesting cannot crash a serialiser. */
let engine: Engine | null = null;
afterEach(async () => {
  await engine?.stop();
  engine = null;
});

const cmd = 'callbackBeforeAddFriendCommand';
const deep = (levels: number): string => `${'['.repeat(levels)}1${']'.repeat(levels)}`;
const deepBody = (levels: number): string =>
  `{"callbackCommand":"${cmd}","fromUserID":"u1","toUserID":"u2","ex":${deep(levels)}}`;

async function start(hold: 'off' | 'all' = 'off'): Promise<Engine> {
  engine = createEngine({ dataDir: null, controlPort: 0, settings: { listener: { port: 0 }, hold: { mode: hold } } });
  await engine.start();
  return engine;
}

const api = (e: Engine, method: string, path: string, body?: string) =>
  request(e.controlUrl(), path, {
    method,
    headers: { authorization: `Bearer ${e.token}` },
    ...(body === undefined ? {} : { body }),
  });

describe('deeply nested JSON', () => {
  it('refuses a callback nested 5 000 levels with 400 body-too-deep, and its capture reads back', async () => {
    const e = await start('all');
    const reply = await request(e.listenerUrl(), `/cb/${cmd}`, { method: 'POST', body: deepBody(5_000) });
    expect(reply.status).toBe(400);
    expect(errorCode(reply)).toBe('body-too-deep');
    // Refused, so never held: no decision can fail on it later.
    const [stored] = e.allCaptures();
    expect(stored?.state).toBe('failed');
    const read = await api(e, 'GET', `/api/captures/${stored?.id}`);
    expect(read.status).toBe(200);
    const capture = read.json as Capture; // the route's documented body
    expect(capture.request.bodyText).toBe(deepBody(5_000));
    expect(capture.request.parseError).toMatch(/deeper than 1000/);
    expect(capture.findings.map((f) => f.code)).toContain('body-too-deep');
  });

  it('still accepts ordinary nesting and reads it back with the parsed body', async () => {
    const e = await start();
    const reply = await request(e.listenerUrl(), `/cb/${cmd}`, { method: 'POST', body: deepBody(500) });
    expect(reply.status).toBe(200);
    const read = await api(e, 'GET', `/api/captures/${e.allCaptures()[0]?.id}`);
    expect(read.status).toBe(200);
    expect((read.json as Capture).request.body).toBeDefined();
  });

  it('reads back an imported capture whose body is too deep (as text) and refuses deep control bodies', async () => {
    const e = await start();
    const session: SessionFile = {
      format: 'callback-inspector-session',
      version: 1,
      exportedAt: 0,
      captures: [
        {
          id: 'x',
          seq: 1,
          receivedAt: 0,
          dialect: 'openim',
          command: cmd,
          phase: 'before',
          state: 'answered',
          decidedBy: 'default',
          request: {
            method: 'POST',
            url: `/cb/${cmd}`,
            path: `/cb/${cmd}`,
            query: {},
            headers: {},
            bodyText: deepBody(5_000),
          },
          findings: [],
          decision: null,
          response: null,
          latencyMs: null,
          outcome: null,
          hold: null,
          identifiedBy: 'path',
        },
      ],
    };
    const imported = await api(e, 'POST', '/api/import', JSON.stringify(session));
    expect(imported.status).toBe(200);
    const [stored] = e.allCaptures();
    const read = await api(e, 'GET', `/api/captures/${stored?.id}`);
    expect(read.status).toBe(200);
    expect((read.json as Capture).request.body).toBeUndefined();

    const exported = await api(e, 'GET', '/api/export?format=json');
    expect(exported.status).toBe(200);

    const decision = `{"verdict":"allow","override":{"x":${deep(5_000)}}}`;
    const refused = await api(e, 'POST', `/api/captures/${stored?.id}/decision`, decision);
    expect(refused.status).toBe(400);
    expect(errorCode(refused)).toBe('body-too-deep');
    const deepImport = await api(e, 'POST', '/api/import', `{"captures":${deep(5_000)}}`);
    expect(errorCode(deepImport)).toBe('body-too-deep');
  });
});
