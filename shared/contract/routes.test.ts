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
});
