/**
 * The engine under test, in its own process: createEngine() as the CLI and the desktop shell use it, on port 0 with
 * the given data dir and token. Prints `Listener: <url>` and `Control API: <url>`; stops cleanly on SIGTERM (so a
 * `--cpu-prof` profile is written). Arguments: `--data-dir D --token T [--ui-dir U]`.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createEngine } from '../electron/engine/engine.js';

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    token: { type: 'string' },
    'ui-dir': { type: 'string' },
    /** Print `Stats: …` (memory, event-loop lag, captures) this often, in ms (npm run soak). */
    'stats-ms': { type: 'string' },
  },
});

const engine = createEngine({
  dataDir: values['data-dir'] ?? null,
  ...(values.token === undefined ? {} : { token: values.token }),
  uiDir: values['ui-dir'] ?? null,
  controlHost: '127.0.0.1',
  controlPort: 0,
  settings: { listener: { host: '127.0.0.1', port: 0 } },
  version: 'bench',
  log: (line) => process.stderr.write(`${line}\n`),
});

await engine.start();
process.stdout.write(`Listener: ${engine.listenerUrl()}\nControl API: ${engine.controlUrl()}\n`);

let stopping = false;
const stop = (): void => {
  if (stopping) return;
  stopping = true;
  engine.stop().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

// Bench diagnostic (memory section): SIGUSR2 runs a full GC when node was started with --expose-gc, then reports
// the heap, so a growing RSS can be told apart from garbage the collector has simply not returned yet. Twice: the
// memory of dead ArrayBuffers (Buffers) is freed by a background sweeper after a GC and only taken off `external`
// at the next one (one GC after Clear still counted the 256 MB of lines the store had let go).
let memoryReports = 0;
process.on('SIGUSR2', () => {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
  const { rss, heapUsed, heapTotal, external, arrayBuffers } = process.memoryUsage();
  const mib = (n: number): string => (n / 1_048_576).toFixed(1);
  memoryReports++;
  process.stdout.write(
    `Memory#${memoryReports}: gc=${gc ? 'yes' : 'no'} rss=${mib(rss)} heapUsed=${mib(heapUsed)} heapTotal=${mib(heapTotal)} external=${mib(external)} arrayBuffers=${mib(arrayBuffers)}\n`,
  );
});

// Soak diagnostic: memory, event-loop lag over the last period (ms) and the engine's own counters.
const statsMs = Number(values['stats-ms'] ?? 0);
/** The lag monitor's own tick; its histogram records whole intervals, so this is taken off to get the lag. */
const LAG_RESOLUTION_MS = 10;
if (statsMs > 0) {
  const lag = monitorEventLoopDelay({ resolution: LAG_RESOLUTION_MS });
  lag.enable();
  setInterval(() => {
    const { rss, heapUsed } = process.memoryUsage();
    const ms = (ns: number): string => Math.max(0, ns / 1e6 - LAG_RESOLUTION_MS).toFixed(1);
    const { captures, held, dropped } = engine.stats();
    const p = engine.persistenceStatus();
    process.stdout.write(
      `Stats: rss=${(rss / 1_048_576).toFixed(1)} heap=${(heapUsed / 1_048_576).toFixed(1)} lagP50=${ms(lag.percentile(50))} lagP99=${ms(lag.percentile(99))} lagMax=${ms(lag.max)} captures=${captures} held=${held} storeDropped=${dropped} logOk=${p.ok} unsaved=${p.unsaved}\n`,
    );
    lag.reset();
  }, statsMs).unref();
}
