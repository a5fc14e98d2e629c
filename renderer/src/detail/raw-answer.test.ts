import { describe, expect, it } from 'vitest';
import { checkRawDraft, draftFromRaw } from './raw-answer.js';

const draft = (patch: Partial<{ status: string; headers: string; body: string }> = {}) => ({
  status: '200',
  headers: 'content-type: application/json; charset=utf-8',
  body: '{"actionCode":0}',
  ...patch,
});

describe('raw answer form', () => {
  it('turns a valid draft into the exact answer, body kept as typed', () => {
    const body = '{ "actionCode": 0,\n "nextCode": 0 }';
    expect(checkRawDraft(draft({ body }))).toEqual({
      raw: { status: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, bodyText: body },
      errors: {},
      warnings: {},
    });
  });

  it('prefills from an answer: headers one per line, JSON pretty-printed, other text exact', () => {
    const d = draftFromRaw({ status: 500, headers: { a: '1', b: '2' }, bodyText: '{"x":1}' });
    expect(d).toEqual({ status: '500', headers: 'a: 1\nb: 2', body: '{\n  "x": 1\n}' });
    expect(draftFromRaw({ status: 200, bodyText: '{"x":' }).body).toBe('{"x":');
  });

  it('blocks a bad status or header line with a message naming the fix', () => {
    const bad = checkRawDraft(draft({ status: '20', headers: 'content-type application/json' }));
    expect(bad.raw).toBeNull();
    expect(bad.errors.status).toMatch(/from 100 to 599/);
    expect(bad.errors.headers).toBe('Line 1 is not a header: write one per line as Name: value.');
    expect(checkRawDraft(draft({ headers: 'a: 1\nA: 2' })).errors.headers).toBe('Header A is given twice: keep one.');
  });

  it('warns about, but sends, what a person may mean on purpose', () => {
    const broken = checkRawDraft(draft({ status: '500', body: '{"actionCode":' }));
    expect(broken.raw).toMatchObject({ status: 500, bodyText: '{"actionCode":' });
    expect(broken.warnings.body).toMatch(/^The body is not valid JSON/);
    expect(checkRawDraft(draft({ body: '' })).raw?.bodyText).toBe('');
  });
});
