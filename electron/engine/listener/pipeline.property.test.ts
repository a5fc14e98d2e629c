import { connect } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Rule } from '../../../shared/contract/index.js';
import { catalogue } from '../../../shared/protocol/index.js';
import { startTestEngine, type TestEngine } from '../testing/test-support.js';

/**
 * Property: for any JSON value as body, any query and any command (known or not, either URL form), the listener
 * answers exactly once, logs no failure, captures exactly one request, and the answer is the dialect's shape.
 */
let engine: TestEngine;
const failures: string[] = [];

/** Rules that walk every body (paths into arrays, a regex, list membership) without answering differently. */
const walkers: Rule[] = [
  {
    id: 'walk',
    name: '',
    enabled: true,
    match: {
      dialect: 'any',
      where: [
        { path: 'FriendItem[].To_Account', op: 'matches', value: '^zz(a+)+$' },
        { path: 'a[].b[0].c', op: 'in', value: [1, 'x', null] },
      ],
    },
    action: { type: 'answer', decision: { verdict: 'deny', code: 5009 } },
    times: null,
  },
];

beforeAll(async () => {
  engine = await startTestEngine({
    rules: walkers,
    log: (line) => {
      if (/fail|error|not recorded/i.test(line)) failures.push(line);
    },
  });
});
afterAll(async () => engine?.stop());

/** One request on its own connection; resolves with every byte the server sent before closing. */
function exchange(target: string, body: string): Promise<string> {
  const { port } = new URL(engine.url);
  const head = `POST ${target} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n`;
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => socket.end(head + body));
    let out = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      out += chunk;
    });
    socket.on('close', () => resolve(out));
    socket.on('error', reject);
  });
}

const OPENIM_SHAPE = ['actionCode', 'errCode', 'errMsg', 'errDlt', 'nextCode'];
const TENCENT_SHAPE = ['ActionStatus', 'ErrorCode', 'ErrorInfo'];

const commands = fc.oneof(
  fc.constantFrom(...catalogue.map((c) => c.name)),
  fc.string({ maxLength: 40 }),
  fc.constantFrom('__proto__', 'constructor', 'toString'),
);
const form = fc.constantFrom('openim-path', 'openim-query', 'tencent-query', 'body-only');
const query = fc.dictionary(fc.string({ maxLength: 12 }), fc.string({ maxLength: 20 }), { maxKeys: 5 });

describe('listener pipeline (property)', () => {
  it('answers any JSON body and any query exactly once, in the dialect shape, without a failure', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 6 }), query, commands, form, async (body, extra, command, how) => {
        const params = new URLSearchParams(extra);
        let path = '/cb';
        if (how === 'openim-path') path = `/cb/${encodeURIComponent(command)}`;
        if (how === 'openim-query') params.set('command', command);
        if (how === 'tencent-query') params.set('CallbackCommand', command);
        const search = params.toString();
        const target = search === '' ? path : `${path}?${search}`;
        const bodyText =
          how === 'body-only' && body !== null && typeof body === 'object' && !Array.isArray(body)
            ? JSON.stringify({ ...body, callbackCommand: command })
            : JSON.stringify(body);
        const before = engine.core.stats().captures;

        const raw = await exchange(target, bodyText);
        const responses = raw.match(/^HTTP\/1\.1 \d{3} /gm) ?? [];
        expect(responses).toHaveLength(1);
        expect(raw.startsWith('HTTP/1.1 200 ')).toBe(true);
        const answer = JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4)) as Record<string, unknown>;
        const shape = 'ActionStatus' in answer ? TENCENT_SHAPE : OPENIM_SHAPE;
        for (const key of shape) expect(Object.hasOwn(answer, key), `${key} in ${JSON.stringify(answer)}`).toBe(true);
        if (shape === OPENIM_SHAPE) expect(typeof answer.errCode).toBe('number');
        else expect(typeof answer.ErrorCode).toBe('number');

        const captures = engine.core.allCaptures();
        expect(captures.length - before).toBe(1);
        const capture = captures.at(-1);
        expect(capture?.state).toBe('answered');
        expect(capture?.response?.bodyText).toBe(raw.slice(raw.indexOf('\r\n\r\n') + 4));
        expect(capture?.dialect === 'tencent').toBe(shape === TENCENT_SHAPE);
        expect(failures).toEqual([]);
      }),
      { numRuns: 150 },
    );
  }, 120_000);

  it('answers any text body exactly once with JSON: 200 when it parses, 400 invalid-json otherwise', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 300 }), async (text) => {
        const raw = await exchange('/cb/callbackBeforeAddFriendCommand', text);
        expect(raw.match(/^HTTP\/1\.1 \d{3} /gm) ?? []).toHaveLength(1);
        const status = Number(raw.slice(9, 12));
        const answer = JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4)) as Record<string, unknown>;
        let parses = true;
        try {
          JSON.parse(text);
        } catch {
          parses = false;
        }
        expect(status).toBe(parses ? 200 : 400);
        if (!parses) expect(answer).toMatchObject({ error: { code: 'invalid-json' } });
        expect(failures).toEqual([]);
      }),
      { numRuns: 100 },
    );
  }, 120_000);
});
