// product.md §4 v3 "regex rules": no accepted rule can hold the listener. The probe: `a[ab]{14}$` (18 instructions,
// under the size limit) was accepted by PUT /api/rules and then cost 100–500 ms per 64 KiB body.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../engine.js';
import { request } from '../testing/test-http.js';

let engine: Engine;
beforeEach(async () => {
  engine = createEngine({ dataDir: null, controlPort: 0, settings: { listener: { port: 0 } }, version: 't' });
  await engine.start();
});
afterEach(() => engine.stop());

const rules = (pattern: string) => [
  {
    id: 'ab',
    match: { where: [{ path: 'reqMsg', op: 'matches', value: pattern }] },
    action: { type: 'answer', decision: { verdict: 'deny', code: 10_001, message: 'no' } },
  },
];
const put = (body: unknown) =>
  request(engine.controlUrl(), '/api/rules', {
    method: 'PUT',
    headers: { authorization: `Bearer ${engine.token}` },
    body: JSON.stringify(body),
  });

describe('PUT /api/rules and costly patterns', () => {
  it('answers 400 naming the pattern and why, and keeps the rules it had', async () => {
    expect((await put(rules('a[ab]{9}$'))).status).toBe(200);
    const refused = await put(rules('a[ab]{14}$'));
    expect(refused.status).toBe(400);
    expect(refused.json).toMatchObject({
      error: {
        code: 'invalid-rules',
        details: [
          {
            path: '[0].match.where[0].value',
            message: expect.stringMatching(/^regular expression too costly: "a\[ab\]\{14\}\$": its matcher grows past/),
          },
        ],
      },
    });
    expect(engine.getRules().map((r) => r.match.where?.[0]?.value)).toEqual(['a[ab]{9}$']);
  });

  it('matches an accepted pattern on a 64 KiB hostile value and answers by it', async () => {
    expect((await put(rules('a[ab]{9}$'))).status).toBe(200);
    let text = '';
    for (let i = 0; text.length < 65_536; i++) text += (i * 2_654_435_761) % 7 < 3 ? 'a' : 'b';
    const reply = await fetch(`${engine.listenerUrl()}/cb/callbackBeforeAddFriendCommand`, {
      method: 'POST',
      // The final c lies past rules.maxMatchBytes: the rule sees a value that ends in a's and b's, and matches.
      body: JSON.stringify({ fromUserID: 'a', toUserID: 'b', reqMsg: `${text}c` }),
    });
    expect(reply.status).toBe(200);
    expect(await reply.json()).toMatchObject({ errCode: 10_001 });
  });
});
