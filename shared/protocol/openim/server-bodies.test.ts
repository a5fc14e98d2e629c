import { describe, expect, it } from 'vitest';
import { identify } from '../identify.js';
import { buildServerRequest } from '../server-request.js';
import type { IncomingRequest, ValidationContext } from '../types.js';
import { validate } from '../validate.js';
import { OPENIM_COMMANDS, OPENIM_ROWS, openimCommand } from './catalogue/index.js';
import { SERVER_BODIES, type ServerBody } from './testing/server-bodies.js';

/**
 * Every OpenIM command against the body its real server writes (hand-written from the tag's structs, cited in
 * testing/server-bodies.ts): no error or warning; one field of the wrong JSON type gets a finding naming it; and
 * `send` writes exactly those bytes for that version.
 */

const NOW = 1_733_580_000_000;
/** Defined in the code but called by no version (kick-off): checked against its struct, without a profile. */
const neverSent = (b: ServerBody): boolean => openimCommand(b.command)?.row.sends?.profiles.length === 0;
const ctx = (b: ServerBody): ValidationContext => ({
  sdkAppId: null,
  token: null,
  maxClockSkewS: 60,
  nowMs: NOW,
  ...(neverSent(b) ? {} : { openimProfile: b.profile }),
});
const request = (b: ServerBody, bodyText: string): IncomingRequest => ({
  method: 'POST',
  path: b.profile === 'v3.0-v3.4.0' ? '/callbackExample' : `/callbackExample/${b.command}`,
  query: b.profile === 'v3.0-v3.4.0' ? { command: b.command } : {},
  headers: { 'content-type': 'application/json; charset=utf-8' },
  body: JSON.parse(bodyText),
  bodyText,
});
const findings = (b: ServerBody, text: string) => {
  const r = request(b, text);
  return validate(r, identify(r), ctx(b));
};
/** The same bytes with one field's value replaced, key order kept. */
const withWrong = (b: ServerBody): string => {
  const body = JSON.parse(b.text) as Record<string, unknown>;
  body[b.wrong.field] = b.wrong.value;
  return JSON.stringify(body);
};
const label = (b: ServerBody) => `${b.command} @ ${b.profile}`;

describe('OpenIM catalogue against the real servers’ bodies', () => {
  it('has a real body for every current command of every family', () => {
    const covered = new Set(SERVER_BODIES.map((b) => openimCommand(b.command)?.row.name));
    const missing = OPENIM_ROWS.map((r) => r.name).filter((n) => !covered.has(n));
    expect(missing).toEqual([]);
  });

  it('has a real body for every legacy name some version sends, with that version', () => {
    const missing = OPENIM_COMMANDS.filter((c) => c.legacy)
      .flatMap((c) => {
        const profiles = c.row.legacyNames?.find((l) => l.name === c.name)?.profiles ?? [];
        return profiles.length === 0 ? [] : [{ name: c.name, profiles }];
      })
      .filter(({ name, profiles }) => !SERVER_BODIES.some((b) => b.command === name && profiles.includes(b.profile)))
      .map((c) => c.name);
    expect(missing).toEqual([]);
  });

  it('flags a command no version sends when a profile is chosen', () => {
    const kick = SERVER_BODIES.find(neverSent);
    expect(kick?.command).toBe('callbackAfterUserKickOffCommand');
    if (!kick) return;
    const r = request(kick, kick.text);
    const codes = validate(r, identify(r), { ...ctx(kick), openimProfile: 'v3.7+' }).map((f) => f.code);
    expect(codes).toContain('command-not-sent');
  });

  for (const b of SERVER_BODIES) {
    it(`${label(b)}: no error or warning (${b.source})`, () => {
      expect(
        findings(b, b.text).filter((f) => f.level !== 'info'),
        label(b),
      ).toEqual([]);
    });

    it(`${label(b)}: ${b.wrong.field} of the wrong JSON type is named`, () => {
      const named = findings(b, withWrong(b)).filter(
        (f) => f.level === 'error' && (f.path === b.wrong.field || f.path?.startsWith(`${b.wrong.field}[`)),
      );
      expect(named.length, label(b)).toBeGreaterThan(0);
    });

    it(`${label(b)}: send writes the same bytes`, () => {
      const body = JSON.parse(b.text) as Record<string, unknown>;
      const info = openimCommand(b.command);
      const req = buildServerRequest({
        to: 'http://127.0.0.1:10008/cb',
        dialect: 'openim',
        // Send is asked for the current name; the version's own name must come out.
        command: info?.row.name ?? b.command,
        body,
        profile: { dialect: 'openim', version: b.profile },
        nowMs: NOW,
        operationId: typeof body.operationID === 'string' ? body.operationID : 'op',
      });
      expect(req.bodyText, label(b)).toBe(b.text);
    });
  }
});
