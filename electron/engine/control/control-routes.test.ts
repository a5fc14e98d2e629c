import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaptureListResponse, Settings } from '../../../shared/contract/index.js';
import { createFakeEngine, type FakeEngine, makeCapture } from '../testing/test-double-engine.js';
import { errorCode, type Started, startTestServer } from '../testing/test-http.js';

const detailPaths = (json: unknown): string[] => {
  // The error body shape is asserted by the callers; this only digs out `details[].path`.
  const details = (json as { error?: { details?: { path: string }[] } }).error?.details ?? [];
  return details.map((d) => d.path);
};

describe('control API routes (against the engine test double)', () => {
  let engine: FakeEngine;
  let s: Started;
  beforeEach(async () => {
    engine = createFakeEngine({
      captures: [
        makeCapture({ id: 'a', seq: 1 }),
        makeCapture({ id: 'b', seq: 2, state: 'held', decidedBy: null, decision: null, response: null }),
        makeCapture({ id: 'c', seq: 3, command: 'callbackAfterDeleteFriendCommand' }),
      ],
    });
    s = await startTestServer(engine);
  });
  afterEach(() => s.server.close());

  it('GET /api/health', async () => {
    const res = await s.api('GET', '/api/health');
    expect(res.json).toMatchObject({
      ok: true,
      version: '9.9.9-test',
      listener: { url: 'http://127.0.0.1:10006', host: '127.0.0.1', port: 10006 },
      status: { state: 'listening' },
    });
  });

  it('unknown route 404, wrong method 405 with Allow', async () => {
    const missing = await s.api('GET', '/api/nope');
    expect(missing.status).toBe(404);
    expect(errorCode(missing)).toBe('not-found');
    const wrong = await s.api('PUT', '/api/health', {});
    expect(wrong.status).toBe(405);
    expect(errorCode(wrong)).toBe('method-not-allowed');
    expect(wrong.headers.allow).toBe('GET');
    const events = await s.api('GET', '/api/events');
    expect(events.status).toBe(404);
  });

  it('GET /api/captures lists newest first and filters', async () => {
    const all = await s.api('GET', '/api/captures');
    expect(all.status).toBe(200);
    const list = all.json as CaptureListResponse; // asserted just below
    expect(list.items.map((c) => c.id)).toEqual(['c', 'b', 'a']);
    expect(list.total).toBe(3);
    expect(list.items[0]).not.toHaveProperty('request.bodyText');

    const held = (await s.api('GET', '/api/captures?state=held&limit=5')).json as CaptureListResponse; // as above
    expect(held.items.map((c) => c.id)).toEqual(['b']);
    const paged = (await s.api('GET', '/api/captures?before=3&limit=1')).json as CaptureListResponse; // as above
    expect(paged.items.map((c) => c.id)).toEqual(['b']);
  });

  it('GET /api/captures refuses bad query values', async () => {
    for (const q of ['limit=abc', 'limit=0', 'state=maybe', 'before=-1']) {
      const res = await s.api('GET', `/api/captures?${q}`);
      expect(res.status, q).toBe(400);
      expect(errorCode(res), q).toBe('invalid-query');
      expect(detailPaths(res.json), q).toEqual([q.split('=')[0]]);
    }
  });

  it('GET /api/captures/:id gives the full capture or 404', async () => {
    const res = await s.api('GET', '/api/captures/a');
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ id: 'a', request: { bodyText: expect.stringContaining('user123') } });
    const missing = await s.api('GET', '/api/captures/zzz');
    expect(missing.status).toBe(404);
    expect(errorCode(missing)).toBe('not-found');
  });

  it('DELETE /api/captures clears', async () => {
    const res = await s.api('DELETE', '/api/captures');
    expect(res.status).toBe(200);
    expect(engine.captures).toEqual([]);
  });

  it('POST /api/captures/:id/decision answers a held request, 409 when not held, 404 when unknown', async () => {
    const ok = await s.api('POST', '/api/captures/b/decision', { verdict: 'deny', code: 5002, message: 'spam' });
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ id: 'b', state: 'answered', decidedBy: 'api' });
    expect(engine.decisions).toEqual([
      { id: 'b', decision: { verdict: 'deny', code: 5002, message: 'spam' }, by: 'api' },
    ]);

    const again = await s.api('POST', '/api/captures/b/decision', { verdict: 'allow' });
    expect(again.status).toBe(409);
    expect(errorCode(again)).toBe('not-held');

    const unknown = await s.api('POST', '/api/captures/nope/decision', { verdict: 'allow' });
    expect(unknown.status).toBe(404);
  });

  it('POST decision from the UI page (own Origin) or with ?by=person records a person', async () => {
    await s.api('POST', '/api/captures/b/decision?by=person', { verdict: 'allow' });
    expect(engine.decisions[0]?.by).toBe('person');
    const held = () => engine.captures.push(makeCapture({ id: 'h', state: 'held', response: null }));
    held();
    await s.api('POST', '/api/captures/h/decision', { verdict: 'allow' }, { origin: s.base });
    expect(engine.decisions[1]?.by).toBe('person');
    engine.captures.pop();
    held();
    await s.api('POST', '/api/captures/h/decision?by=api', { verdict: 'allow' }, { origin: s.base });
    expect(engine.decisions[2]?.by).toBe('api');
  });

  it('POST decision validates the body', async () => {
    const bad = await s.api('POST', '/api/captures/b/decision', { verdict: 'perhaps', extra: 1 });
    expect(bad.status).toBe(400);
    expect(errorCode(bad)).toBe('invalid-decision');
    expect(detailPaths(bad.json).sort()).toEqual(['(root)', 'verdict']);
    const notJson = await s.api('POST', '/api/captures/b/decision', '{verdict:');
    expect(notJson.status).toBe(400);
    expect(errorCode(notJson)).toBe('invalid-json');
    const empty = await s.api('POST', '/api/captures/b/decision', '');
    expect(errorCode(empty)).toBe('invalid-json');
    expect(engine.decisions).toEqual([]);
  });

  it('GET/PUT /api/rules replaces the list and reports each problem', async () => {
    const rule = {
      id: 'deny-spammer',
      match: { dialect: 'openim', where: [{ path: 'fromUserID', op: 'equals', value: 'spammer' }] },
      action: { type: 'answer', decision: { verdict: 'deny', code: 5002 } },
    };
    const put = await s.api('PUT', '/api/rules', [rule]);
    expect(put.status).toBe(200);
    expect(put.json).toMatchObject([{ id: 'deny-spammer', enabled: true, times: null, hits: 0 }]);
    expect((await s.api('GET', '/api/rules')).json).toEqual(put.json);

    const bad = await s.api('PUT', '/api/rules', [rule, { ...rule, action: { type: 'later' } }, { ...rule, times: 0 }]);
    expect(bad.status).toBe(400);
    expect(errorCode(bad)).toBe('invalid-rules');
    expect(detailPaths(bad.json)).toEqual(['[1].action.type', '[2].times']);
    const duplicate = await s.api('PUT', '/api/rules', [rule, rule]);
    expect(detailPaths(duplicate.json)).toEqual(['[1].id']);
    expect(engine.rules.map((r) => r.id)).toEqual(['deny-spammer']);

    expect((await s.api('PUT', '/api/rules', { not: 'a list' })).status).toBe(400);
  });

  it('PATCH /api/settings deep-merges, validates every path, then applies', async () => {
    const res = await s.api('PATCH', '/api/settings', { hold: { mode: 'before' } });
    expect(res.status).toBe(200);
    const settings = res.json as Settings; // checked field by field below
    expect(settings.hold).toEqual({ ...engine.settings.hold, mode: 'before' });
    expect(settings.listener).toEqual({ host: '127.0.0.1', port: 10006, allowBrowserOrigins: false });

    const bad = await s.api('PATCH', '/api/settings', { hold: { mode: 'maybe' }, listener: { port: -1 }, nope: 1 });
    expect(bad.status).toBe(400);
    expect(errorCode(bad)).toBe('invalid-settings');
    expect(detailPaths(bad.json).sort()).toEqual(['(root)', 'hold.mode', 'listener.port']);
    expect(engine.settings.hold.mode).toBe('before');

    // Each field's problem in words, at its path (the window shows it under that field).
    const words = await s.api('PATCH', '/api/settings', { hold: { marginMs: -3 }, tencent: { sdkAppId: 'abc' } });
    expect((words.json as { error: { details: unknown } }).error.details).toEqual([
      { path: 'hold.marginMs', message: 'Safety margin must be a whole number of ms from 0 to 5000.' },
      {
        path: 'tencent.sdkAppId',
        message: 'SdkAppID must be a whole number (the app ID of the Tencent console), or empty for no check.',
      },
    ]);

    for (const body of [[1], 'null', '"x"']) {
      const r = await s.api('PATCH', '/api/settings', body);
      expect(r.status, JSON.stringify(body)).toBe(400);
    }
  });

  it('POST /api/send validates and hands the request to the engine (202)', async () => {
    const body = { path: '/callbackExample/callbackBeforeAddFriendCommand', bodyText: '{}' };
    const ok = await s.api('POST', '/api/send', body);
    expect(ok.status).toBe(202);
    expect(engine.sent).toEqual([body]);
    const bad = await s.api('POST', '/api/send', { path: 'no-slash', bodyText: 1 });
    expect(bad.status).toBe(400);
    expect(errorCode(bad)).toBe('invalid-request');
    expect(detailPaths(bad.json).sort()).toEqual(['bodyText', 'path']);
  });

  it('413 for a body over the limit, and the server keeps working', async () => {
    const huge = `"${'x'.repeat(33 * 1_048_576)}"`;
    const res = await s.api('PUT', '/api/rules', huge);
    expect(res.status).toBe(413);
    expect(errorCode(res)).toBe('body-too-large');
    expect((await s.api('GET', '/api/health')).status).toBe(200);
  });

  it('answers 500 with a JSON error when the engine throws, and logs it', async () => {
    engine.getSettings = () => {
      throw new Error('boom');
    };
    const res = await s.api('GET', '/api/settings');
    expect(res.status).toBe(500);
    expect(errorCode(res)).toBe('internal');
    expect(s.logs.join('\n')).toContain('boom');
  });
});
