import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Capture } from './capture.js';
import type { Decision } from './decision.js';
import {
  type FileContent,
  ROUTES,
  type RouteBody,
  type RouteParams,
  type RouteQuery,
  type RouteReply,
  type RouteResult,
} from './routes.js';

describe('the control API route table', () => {
  it('declares each method and path once, under /api/', () => {
    const keys = Object.values(ROUTES).map((route) => `${route.method} ${route.path}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const route of Object.values(ROUTES)) expect(route.path).toMatch(/^\/api\/[a-z/:]+$/);
  });

  it('derives parameters, bodies and replies from the entries (checked by tsc)', () => {
    expectTypeOf<RouteParams<'decide'>>().toEqualTypeOf<{ id: string }>();
    expectTypeOf<keyof RouteParams<'health'>>().toEqualTypeOf<never>();
    expectTypeOf<RouteBody<'decide'>>().toEqualTypeOf<Decision>();
    expectTypeOf<RouteBody<'importSession'>>().toEqualTypeOf<string>();
    expectTypeOf<RouteBody<'getRules'>>().toEqualTypeOf<undefined>();
    expectTypeOf<RouteQuery<'exportSession'>>().toEqualTypeOf<{ format: 'json' | 'har' | 'ndjson' }>();
    expectTypeOf<RouteReply<'getCapture'>>().toEqualTypeOf<Capture>();
    expectTypeOf<RouteResult<'exportSession'>>().toEqualTypeOf<FileContent>();
    expectTypeOf<RouteReply<'exportSession'>>().toEqualTypeOf<string>();
  });

  it('checks JSON bodies with the 400 code each route answers', () => {
    const decide = ROUTES.decide.body;
    expect(decide.parse({ verdict: 'allow' })).toEqual({ ok: true, value: { verdict: 'allow' } });
    const bad = decide.parse({ verdict: 'maybe' });
    expect(bad.ok).toBe(false);
    expect(decide.invalid.code).toBe('invalid-decision');
    const rules = ROUTES.putRules.body.parse({ not: 'a list' });
    expect(rules).toMatchObject({ ok: false, details: [{ path: '(root)' }] });
    expect(ROUTES.patchSettings.body.parse([])).toMatchObject({ ok: false, details: [{ path: '(root)' }] });
  });

  it('takes both forms of POST /api/send: v1 to the own listener (202), v2 with `to` to a backend (200)', () => {
    const send = ROUTES.send;
    expect(send.body.parse({ path: '/x', bodyText: '{}' })).toMatchObject({ ok: true });
    expect(send.body.parse({ to: 'http://127.0.0.1:8080/cb', command: 'c', body: {} })).toMatchObject({ ok: true });
    expect(send.body.parse({ to: 'ftp://x', command: 'c', body: {} })).toMatchObject({ ok: false });
    expect(send.reply.statusFor({ accepted: true })).toBe(202);
    expect(ROUTES.replay.body.parse({ to: 'http://h', concurrency: 0 })).toMatchObject({ ok: false });
  });
});
