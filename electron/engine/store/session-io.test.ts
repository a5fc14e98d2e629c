import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Capture, SessionFile } from '../../../shared/contract/index.js';
import { createFakeEngine, type FakeEngine, makeCapture } from '../testing/test-double-engine.js';
import { errorCode, request, type Started, startTestServer } from '../testing/test-http.js';
import { HAR_EXTRA_FIELD } from './har.js';
import { HarSchema } from './har-schema.js';
import { exportFilename, parseImport } from './session-io.js';

/** Captures as they should survive a round trip: the importer gives fresh ids and marks them imported. */
const comparable = (c: Capture) => {
  const { id: _id, imported: _imported, ...rest } = c;
  return rest;
};

const sampleCaptures = (): Capture[] => [
  makeCapture({ id: 'x1', seq: 1 }),
  makeCapture({
    id: 'x2',
    seq: 2,
    dialect: 'tencent',
    command: 'Sns.CallbackPrevFriendAdd',
    decidedBy: 'rule:deny-spammer',
    decision: { verdict: 'deny', code: 38001, targets: { id2: { verdict: 'deny', code: 38002 } } },
    request: {
      method: 'POST',
      url: '/?SdkAppid=1400000000&CallbackCommand=Sns.CallbackPrevFriendAdd&contenttype=json',
      path: '/',
      query: { SdkAppid: '1400000000', CallbackCommand: 'Sns.CallbackPrevFriendAdd', contenttype: 'json' },
      headers: { host: '127.0.0.1:10006', 'content-type': 'application/json' },
      bodyText: '{"CallbackCommand":"Sns.CallbackPrevFriendAdd"',
      parseError: 'Unexpected end of JSON input',
    },
    findings: [{ level: 'error', code: 'invalid-json', message: 'not JSON', path: 'body' }],
    outcome: { effect: 'blocked', code: 38001, message: 'denied', explanation: 'Blocked.' },
  }),
  makeCapture({
    id: 'x3',
    seq: 3,
    state: 'failed',
    response: { status: 0, headers: {}, bodyText: '', fault: 'close' },
    outcome: { effect: 'fails', code: 90004, explanation: 'Unreachable.' },
  }),
  makeCapture({ id: 'x4', seq: 4, state: 'held', decidedBy: null, decision: null, response: null, latencyMs: null }),
];

describe('export and import', () => {
  let source: FakeEngine;
  let target: FakeEngine;
  let a: Started;
  let b: Started;
  beforeEach(async () => {
    source = createFakeEngine({ captures: sampleCaptures() });
    target = createFakeEngine();
    a = await startTestServer(source);
    b = await startTestServer(target);
  });
  afterEach(async () => {
    await a.server.close();
    await b.server.close();
  });

  it('names the file and marks it as an attachment', async () => {
    const res = await a.api('GET', '/api/export?format=har');
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="callback-inspector-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}\.har"$/,
    );
    expect(exportFilename('ndjson', 0)).toBe('callback-inspector-1970-01-01T00-00-00.ndjson');
    const bad = await a.api('GET', '/api/export?format=xml');
    expect(bad.status).toBe(400);
    expect(errorCode(bad)).toBe('invalid-query');
  });

  it('JSON session round-trips', async () => {
    const res = await a.api('GET', '/api/export?format=json');
    expect(res.headers['content-type']).toContain('application/json');
    const session = res.json as SessionFile; // checked just below
    expect(session).toMatchObject({ format: 'callback-inspector-session', version: 1 });
    expect(session.captures).toHaveLength(4);
    const imported = await b.api('POST', '/api/import', res.text);
    expect(imported.status).toBe(200);
    expect(imported.json).toEqual({ imported: 4, skipped: 0, duplicates: 0 });
    expect(target.captures.map(comparable)).toEqual(source.captures.map(comparable));
  });

  it('NDJSON has one capture per line and imports too', async () => {
    const res = await a.api('GET', '/api/export?format=ndjson');
    expect(res.headers['content-type']).toContain('application/x-ndjson');
    const lines = res.text.trimEnd().split('\n');
    expect(lines.map((l) => (JSON.parse(l) as Capture).id)).toEqual(['x1', 'x2', 'x3', 'x4']);
    await b.api('POST', '/api/import', res.text);
    expect(target.captures.map(comparable)).toEqual(source.captures.map(comparable));
  });

  it('HAR export validates as HAR 1.2 and round-trips with the extra fields', async () => {
    const res = await a.api('GET', '/api/export?format=har');
    const har = HarSchema.parse(res.json);
    expect(har.log.version).toBe('1.2');
    expect(har.log.creator).toEqual({ name: 'Callback Inspector', version: '9.9.9-test' });
    const entry = har.log.entries[1];
    expect(entry?.request.url).toBe(
      'http://127.0.0.1:10006/?SdkAppid=1400000000&CallbackCommand=Sns.CallbackPrevFriendAdd&contenttype=json',
    );
    expect(entry?.request.queryString).toContainEqual({ name: 'CallbackCommand', value: 'Sns.CallbackPrevFriendAdd' });
    expect(entry?.response.status).toBe(200);
    expect(entry?.[HAR_EXTRA_FIELD]).toMatchObject({ dialect: 'tencent', decidedBy: 'rule:deny-spammer' });
    expect(har.log.entries[2]?.response.status).toBe(0);

    const imported = await b.api('POST', '/api/import', res.text);
    expect(imported.json).toEqual({ imported: 4, skipped: 0, duplicates: 0 });
    expect(target.captures.map(comparable)).toEqual(source.captures.map(comparable));
  });

  it('accepts ?token= for a browser download link', async () => {
    const res = await request(a.base, `/api/export?format=ndjson&token=${a.token}`);
    expect(res.status).toBe(200);
  });

  it('re-identifies HAR entries from other tools with the protocol core', () => {
    const har = {
      log: {
        version: '1.2',
        creator: { name: 'some proxy', version: '1' },
        entries: [
          {
            startedDateTime: '2026-11-23T10:00:00.000Z',
            time: 12,
            request: {
              method: 'POST',
              url: 'http://127.0.0.1:10006/callbackExample/callbackBeforeAddFriendCommand',
              httpVersion: 'HTTP/1.1',
              cookies: [],
              headers: [{ name: 'Content-Type', value: 'application/json' }],
              queryString: [],
              postData: { mimeType: 'application/json', text: '{"fromUserID":"u1","toUserID":"u2"}' },
              headersSize: -1,
              bodySize: 35,
            },
            response: {
              status: 200,
              statusText: 'OK',
              httpVersion: 'HTTP/1.1',
              cookies: [],
              headers: [],
              content: { size: 2, mimeType: 'application/json', text: '{}' },
              redirectURL: '',
              headersSize: -1,
              bodySize: 2,
            },
            cache: {},
            timings: { send: 0, wait: 12, receive: 0 },
          },
        ],
      },
    };
    const parsed = parseImport(JSON.stringify(har));
    expect(parsed.kind).toBe('har');
    expect(parsed.captures[0]).toMatchObject({
      dialect: 'openim',
      command: 'callbackBeforeAddFriendCommand',
      phase: 'before',
      identifiedBy: 'path',
      receivedAt: Date.parse('2026-11-23T10:00:00.000Z'),
      latencyMs: 12,
      request: { path: '/callbackExample/callbackBeforeAddFriendCommand', body: { fromUserID: 'u1', toUserID: 'u2' } },
      response: { status: 200, bodyText: '{}' },
    });
  });

  it('refuses what is neither a session nor a HAR, with a clear message', async () => {
    const cases: [string, string][] = [
      ['', 'invalid-json'],
      ['{"hello":"world"}', 'unsupported-import'],
      ['[1,2,3]', 'unsupported-import'],
      ['not json at all', 'invalid-json'],
      ['{"log":{"version":"1.2"}}', 'invalid-har'],
      ['{"format":"callback-inspector-session","version":7,"captures":[]}', 'unsupported-import'],
    ];
    for (const [body, code] of cases) {
      const res = await b.api('POST', '/api/import', body);
      expect(res.status, body).toBe(400);
      expect(errorCode(res), body).toBe(code);
    }
    const res = await b.api('POST', '/api/import', '{"hello":"world"}');
    expect(JSON.stringify(res.json)).toContain('HAR 1.2');
    expect(target.captures).toEqual([]);
  });

  it('skips entries that are not captures and counts them', async () => {
    const session = {
      format: 'callback-inspector-session',
      version: 1,
      exportedAt: 0,
      captures: [makeCapture(), { id: 1 }],
    };
    const res = await b.api('POST', '/api/import', session);
    expect(res.json).toEqual({ imported: 1, skipped: 1, duplicates: 0 });
  });
});
