/**
 * The engine under test, in its own process: createEngine() as the CLI and the desktop shell use it, on port 0 with
 * the given data dir and token. Prints `Listener: <url>` and `Control API: <url>`; stops cleanly on SIGTERM (so a
 * `--cpu-prof` profile is written). Arguments: `--data-dir D --token T [--ui-dir U]`.
 */
import { parseArgs } from 'node:util';
import { createEngine } from '../electron/engine/engine.js';

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    token: { type: 'string' },
    'ui-dir': { type: 'string' },
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
// the heap, so a growing RSS can be told apart from garbage the collector has simply not returned yet.
let memoryReports = 0;
process.on('SIGUSR2', () => {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const { rss, heapUsed, heapTotal, external, arrayBuffers } = process.memoryUsage();
  const mib = (n: number): string => (n / 1_048_576).toFixed(1);
  memoryReports++;
  process.stdout.write(
    `Memory#${memoryReports}: gc=${gc ? 'yes' : 'no'} rss=${mib(rss)} heapUsed=${mib(heapUsed)} heapTotal=${mib(heapTotal)} external=${mib(external)} arrayBuffers=${mib(arrayBuffers)}\n`,
  );
});
