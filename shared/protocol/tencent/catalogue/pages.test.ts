import { describe, expect, it } from 'vitest';
import { identify } from '../../identify.js';
import { PAGE_BODIES } from '../../testing/tencent-pages.js';
import type { IncomingRequest, ValidationContext } from '../../types.js';
import { validate } from '../../validate.js';
import { TENCENT_COMMANDS } from './index.js';

/**
 * Issue 21 "Done when", Tencent side: the body each command's page prints passes with no error or warning, and the
 * same body with one field of the wrong JSON type gets a finding naming that field.
 */

const ctx: ValidationContext = { sdkAppId: null, token: null, maxClockSkewS: 60, nowMs: 1_700_000_000_000 };
const request = (name: string, body: unknown): IncomingRequest => ({
  method: 'POST',
  path: '/',
  query: {
    SdkAppid: '1400000000',
    CallbackCommand: name,
    contenttype: 'json',
    ClientIP: '127.0.0.1',
    OptPlatform: 'RESTAPI',
  },
  headers: {},
  body,
});
const findings = (name: string, body: unknown) => {
  const r = request(name, body);
  return validate(r, identify(r), ctx);
};
const modelled = TENCENT_COMMANDS.filter((c) => c.modelled).map((c) => c.name);

describe('Tencent page bodies', () => {
  it('has a page body for every command of the catalogue, and every command is modelled', () => {
    const missing = TENCENT_COMMANDS.map((c) => c.name).filter((n) => !Object.hasOwn(PAGE_BODIES, n));
    expect(missing).toEqual([]);
    expect(TENCENT_COMMANDS.filter((c) => !c.modelled).map((c) => c.name)).toEqual([]);
  });

  for (const [name, { page, body }] of Object.entries(PAGE_BODIES)) {
    describe(`${name} (${page})`, () => {
      const parsed = JSON.parse(body) as Record<string, unknown>;

      it('is modelled and the page body has no error or warning', () => {
        expect(modelled).toContain(name);
        expect(findings(name, parsed).filter((f) => f.level !== 'info')).toEqual([]);
      });

      // `true` is the wrong JSON type for every field here (none is a boolean), including the ones that accept
      // either a number or a string.
      for (const key of Object.keys(parsed).filter((k) => k !== 'CallbackCommand')) {
        it(`flags ${key} of the wrong type`, () => {
          const out = findings(name, { ...parsed, [key]: true });
          expect(out.filter((f) => f.level === 'error' && f.path === key).map((f) => f.code)).toEqual(['wrong-type']);
        });
      }
    });
  }
});
