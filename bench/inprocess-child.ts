/**
 * The in-process harness: the engine's own CPU per callback, without HTTP. An EngineCore with a data dir (the
 * capture log writes) and one WebSocket event subscriber, as under load; requests go straight into `handle` in
 * batches of 20 with a stand-in response, and the process's CPU time is read around them. HTTP parsing and socket
 * writes cost the engine what they cost any node:http server, so leaving them out shows the engine's own work
 * with a spread of about ±2 % instead of the ±15 % of end-to-end runs.
 *
 * Arguments: `--sample openim|tencent --count N --warmup N [--flows on|off]`. Prints `INPROCESS <json>` (an `InprocessRun`).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startControlServer } from '../electron/engine/control/control-server.js';
import { EngineCore } from '../electron/engine/engine-core.js';
import type { RawRequest } from '../electron/engine/listener/request-input.js';
import { identify, splitUrl } from '../shared/protocol/index.js';
import { openEvents } from './event-client.js';
import { SAMPLES } from './samples.js';

export interface InprocessRun {
  sample: string;
  callbacks: number;
  /** Process CPU time (user + system) per callback, µs: decide, answer, capture, store, log and event. */
  cpuUsPerCallback: number;
  /** Answers the stand-in response received (every callback must get exactly one). */
  answered: number;
  storedCaptures: number;
  eventMessages: number;
}

const BATCH = 20;

/** What the engine touches on a response when it answers a callback at once (status, headers, body). */
class StandInResponse {
  destroyed = false;
  writableEnded = false;
  headersSent = false;
  status = 0;
  constructor(private readonly answered: () => void) {}
  writeHead(status: number): this {
    this.status = status;
    this.headersSent = true;
    return this;
  }
  end(): this {
    this.writableEnded = true;
    this.answered();
    return this;
  }
  once(): this {
    return this;
  }
}

const { values } = parseArgs({
  options: {
    sample: { type: 'string' },
    count: { type: 'string' },
    warmup: { type: 'string' },
    flows: { type: 'string' },
  },
});
const found = SAMPLES.find((s) => s.name === values.sample);
if (!found) throw new Error(`--sample must be one of ${SAMPLES.map((s) => s.name).join(', ')}`);
const sample = found;
const count = Number(values.count ?? 20_000);
const warmup = Number(values.warmup ?? 5_000);

const dataDir = mkdtempSync(join(tmpdir(), 'bench-inprocess-'));
const core = new EngineCore({
  dataDir,
  // `--flows=off`: the flows section's baseline (flows are on by default, as in the product).
  settings: { listener: { host: '127.0.0.1', port: 0 }, flows: { enabled: values.flows !== 'off' } },
  version: 'bench',
  log: (line) => process.stderr.write(`${line}\n`),
});
await core.load();
const token = 'inprocess';
const control = await startControlServer(core, {
  host: '127.0.0.1',
  port: 0,
  token,
  uiDir: null,
  version: 'bench',
  log: () => undefined,
  identify,
});
const events = await openEvents(control.url, token);

let answered = 0;
const onAnswer = (): void => {
  answered++;
};
// The body arrives as bytes and is decoded per request, as the listener does.
const bodyBytes = Buffer.from(sample.bodyText, 'utf8');
const contentLength = String(bodyBytes.length);

function request(): RawRequest {
  const { path, query } = splitUrl(sample.path);
  return {
    method: 'POST',
    url: sample.path,
    path,
    query,
    headers: {
      host: '127.0.0.1:10006',
      'content-type': 'application/json',
      'content-length': String(bodyBytes.length),
    },
    rawHeaders: ['Host', '127.0.0.1:10006', 'Content-Type', 'application/json', 'Content-Length', contentLength],
    bodyText: bodyBytes.toString('utf8'),
    bodyBytes,
    truncated: false,
    receivedAt: Date.now(),
    startedAt: performance.now(),
  };
}

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

async function drive(n: number): Promise<void> {
  for (let done = 0; done < n; done += BATCH) {
    for (let i = done; i < Math.min(n, done + BATCH); i++) {
      // A stand-in for the ServerResponse: the engine only writes the head and the body on it.
      core.handle(request(), new StandInResponse(onAnswer) as unknown as ServerResponse);
    }
    await turn();
  }
}

/** Lets the timers run out: the event flush (50 ms) and the log flush (100 ms). */
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 250));

await drive(warmup);
await settle();
const before = process.cpuUsage();
await drive(count);
await settle();
const used = process.cpuUsage(before);
const run: InprocessRun = {
  sample: sample.name,
  callbacks: count,
  cpuUsPerCallback: Math.round(((used.user + used.system) / count) * 100) / 100,
  answered: answered - warmup,
  storedCaptures: core.stats().captures,
  eventMessages: events.stats().messages,
};
await events.close();
await control.close();
await core.close();
rmSync(dataDir, { recursive: true, force: true });
process.stdout.write(`INPROCESS ${JSON.stringify(run)}\n`);
