// product.md §4 v3 "import streamed or bounded". The probe: a 200 MB /api/import held the listener 14 s at 1.25 GB
// RSS (read whole, parsed whole, imported in one turn). Now NDJSON and the session export are read line by line, in
// batches, and any other file is refused past IMPORT_VALUE_LIMIT before the rest of it is read.
import { request as httpRequest } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Capture, IMPORT_VALUE_LIMIT, type ImportResponse } from '../../../shared/contract/index.js';
import { createEngine } from '../engine.js';
import { createFakeEngine, type FakeEngine, makeCapture } from '../testing/test-double-engine.js';
import { request, type Started, startTestServer } from '../testing/test-http.js';
import { importStream } from './session-import.js';

const session = (captures: unknown[]): string =>
  JSON.stringify({ format: 'callback-inspector-session', version: 1, exportedAt: 0, captures }, null, 2);
const ndjson = (captures: unknown[]): string => captures.map((c) => `${JSON.stringify(c)}\n`).join('');

/** The text in chunks of `size` bytes (cut anywhere, inside characters and lines too). */
async function* chunked(text: string, size: number): AsyncGenerator<Uint8Array> {
  const bytes = Buffer.from(text);
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function run(text: string, size = 7): Promise<{ result: ImportResponse; batches: Capture[][] }> {
  const batches: Capture[][] = [];
  const sink = (batch: Capture[]): ImportResponse => {
    batches.push(batch);
    return { imported: batch.length, skipped: 0, duplicates: 0 };
  };
  return { result: await importStream(chunked(text, size), sink), batches };
}

describe('importStream', () => {
  const captures = [makeCapture({ id: 'é-1' }), makeCapture({ id: '汉-2' }), makeCapture({ id: 'x-3' })];

  it('reads NDJSON and the session export piece by piece, whatever the chunks', async () => {
    for (const text of [ndjson(captures), session(captures)]) {
      for (const size of [1, 7, 64, 1 << 20]) {
        const { result, batches } = await run(text, size);
        expect(result).toEqual({ imported: 3, skipped: 0, duplicates: 0 });
        expect(batches.flat().map((c) => c.id)).toEqual(['é-1', '汉-2', 'x-3']);
        // Small chunks: the captures reach the store as their lines end, not all at the end.
        if (size === 1) expect(batches.length).toBe(3);
      }
    }
  });

  it('counts lines that are not captures as skipped, and goes on', async () => {
    const text = `${JSON.stringify(captures[0])}\n{"id":1}\nnot json\n${JSON.stringify(captures[1])}`;
    expect((await run(text)).result).toEqual({ imported: 2, skipped: 2, duplicates: 0 });
    const items = [captures[0], { id: 1 }, 7];
    expect((await run(session(items))).result).toEqual({ imported: 1, skipped: 2, duplicates: 0 });
  });

  it('says where a session stops following the export layout, and what was imported before', async () => {
    const broken = session(captures).replace('\n  ]\n}', '\n  ],\n  "extra": [\n}');
    await expect(run(broken)).rejects.toMatchObject({ status: 400, code: 'unsupported-import' });
    await expect(run(broken)).rejects.toThrow(/line \d+ does not follow .*the 3 captures before it were imported/);
    const cut = session(captures).slice(0, -10);
    await expect(run(cut)).rejects.toThrow(/ends before its last/);
    const v2 = session(captures).replace('"version": 1', '"version": 2');
    await expect(run(v2)).rejects.toMatchObject({
      code: 'unsupported-import',
      message: expect.stringMatching(/version/),
    });
  });

  it('reads other files whole: HAR, compact sessions, and the errors they had', async () => {
    const compact = JSON.stringify({ format: 'callback-inspector-session', version: 1, exportedAt: 0, captures });
    expect((await run(compact)).result.imported).toBe(3);
    await expect(run('')).rejects.toMatchObject({ code: 'invalid-json' });
    await expect(run('not json at all')).rejects.toMatchObject({ code: 'invalid-json' });
    await expect(run('{"hello":"world"}')).rejects.toMatchObject({ code: 'unsupported-import' });
  });

  it('refuses one line, one capture or one document over the limit with 413', async () => {
    const long = `{"id":"${'x'.repeat(IMPORT_VALUE_LIMIT)}"}`;
    await expect(run(long, 1 << 20)).rejects.toMatchObject({ status: 413, code: 'import-too-large' });
    // A document in many lines: refused once the lines so far pass the limit.
    const line = `  "a": "${'x'.repeat(65_536)}",\n`;
    const lines = `{\n${line.repeat(IMPORT_VALUE_LIMIT / 65_536 + 1)}  "b": 2\n}`;
    await expect(run(lines, 1 << 20)).rejects.toMatchObject({ status: 413, message: expect.stringMatching(/NDJSON/) });
  });
});

describe('POST /api/import over HTTP', () => {
  let engine: FakeEngine;
  let server: Started;
  beforeEach(async () => {
    engine = createFakeEngine();
    server = await startTestServer(engine);
  });
  afterEach(async () => {
    await server.server.close();
  });

  it('imports NDJSON larger than one JSON body may be, line by line', async () => {
    const big = 'x'.repeat(1_048_576);
    const count = Math.ceil(IMPORT_VALUE_LIMIT / 1_048_576) + 2;
    const lines = Array.from({ length: count }, (_, i) =>
      makeCapture({ id: `big-${i}`, request: { ...makeCapture().request, bodyText: big } }),
    );
    const text = ndjson(lines);
    expect(Buffer.byteLength(text)).toBeGreaterThan(IMPORT_VALUE_LIMIT);
    const res = await server.api('POST', '/api/import', text);
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ imported: count, skipped: 0, duplicates: 0 });
    expect(engine.captures).toHaveLength(count);
  });

  it('refuses a document over the limit with 413 before the rest of it is sent', async () => {
    const declared = 4 * IMPORT_VALUE_LIMIT;
    const url = new URL(server.base);
    let sent = 0;
    const reply = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = httpRequest(
        {
          host: url.hostname,
          port: url.port,
          path: '/api/import',
          method: 'POST',
          headers: { authorization: `Bearer ${server.token}`, 'content-length': String(declared) },
        },
        (res) => {
          let text = '';
          res.on('data', (c: Buffer) => {
            text += c.toString();
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      req.on('error', (err) => (sent < declared ? undefined : reject(err))); // the server may close mid-body
      const piece = Buffer.from(`"${'a'.repeat(65_534)}"`);
      req.write('{"captures":[');
      let answered = false;
      req.on('response', () => {
        answered = true;
      });
      const pump = (): void => {
        while (!answered && sent < declared - piece.length * 2) {
          sent += piece.length + 1;
          if (!req.write(Buffer.concat([piece, Buffer.from(',')]))) {
            req.once('drain', pump);
            return;
          }
        }
      };
      pump();
    });
    expect(reply.status).toBe(413);
    expect(JSON.parse(reply.text)).toMatchObject({ error: { code: 'import-too-large' } });
    expect(sent).toBeLessThan(declared / 2);
    expect(engine.captures).toEqual([]);
  });
});

describe('a long import against the real engine', () => {
  it('lets callbacks through while it runs (it held the listener 14 s when read whole)', async () => {
    const engine = createEngine({ dataDir: null, controlPort: 0, settings: { listener: { port: 0 } }, version: 't' });
    await engine.start();
    try {
      const lines = Array.from({ length: 6_000 }, (_, i) =>
        makeCapture({ id: `imp-${i}`, request: { ...makeCapture().request, bodyText: 'x'.repeat(2_000) } }),
      );
      const order: string[] = [];
      const imported = request(engine.controlUrl(), '/api/import', {
        method: 'POST',
        headers: { authorization: `Bearer ${engine.token}` },
        body: ndjson(lines),
      }).then((res) => {
        order.push('import');
        return res;
      });
      // Sent once the import has started to arrive: answered between its batches, not after all of them.
      while (engine.stats().captures === 0) await new Promise((resolve) => setTimeout(resolve, 1));
      const answered = fetch(`${engine.listenerUrl()}/callbackExample/callbackBeforeAddFriendCommand`, {
        method: 'POST',
        body: '{"fromUserID":"a","toUserID":"b"}',
      }).then((res) => {
        order.push('callback');
        return res.status;
      });
      expect(await answered).toBe(200);
      expect((await imported).json).toEqual({ imported: 6_000, skipped: 0, duplicates: 0 });
      expect(order).toEqual(['callback', 'import']);
    } finally {
      await engine.stop();
    }
  });
});
