import { readFileSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseCliArgs } from './cli-args.js';
import { type PlayEnv, readProcessStdin, runReplay, runSend } from './cli-play.js';
import { type CliIo, runServe } from './cli-serve.js';
import { runVerify } from './cli-verify.js';

export { parseCliArgs } from './cli-args.js';
export { type CliIo, runServe, type ServeResult } from './cli-serve.js';

/** package.json: two folders up from the bundled dist/electron/cli.js, three from electron/engine/cli/cli.ts. */
const PACKAGE_JSON = ['../../package.json', '../../../package.json'];

export function readVersion(): string {
  for (const path of PACKAGE_JSON) {
    try {
      const pkg: unknown = JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));
      if (typeof pkg === 'object' && pkg !== null && 'version' in pkg && typeof pkg.version === 'string')
        return pkg.version;
    } catch {
      // not there: try the next place; none costs only the version number
    }
  }
  return '0.0.0';
}

/** dist/renderer beside dist/electron/cli.js. */
function bundledUiDir(): string {
  return fileURLToPath(new URL('../renderer/', import.meta.url));
}

/** The `callback-inspector` entry: returns the exit code, or stays running (serve) until a signal. */
export async function main(
  argv: readonly string[],
  io: CliIo,
  play: PlayEnv = { readStdin: readProcessStdin },
): Promise<number | null> {
  const command = parseCliArgs(argv);
  const version = readVersion();
  switch (command.kind) {
    case 'help':
      io.out(command.text.trimEnd());
      return 0;
    case 'version':
      io.out(version);
      return 0;
    case 'error':
      // The exit code is the command's: 2 for serve, 3 for send and replay (product.md §2).
      io.err(`Error: ${command.message}`);
      io.err('');
      io.err(command.usage.trimEnd());
      return command.exitCode;
    case 'send':
      return runSend(command.options, io, play);
    case 'replay':
      return runReplay(command.options, io);
    case 'verify':
      return runVerify(command.options, io);
    case 'serve': {
      const result = await runServe(command.options, io, { version, uiDir: bundledUiDir() });
      if (!result.ok) return result.exitCode;
      const onSignal = (): void => {
        // A second Ctrl+C while stopping quits at once.
        process.once('SIGINT', () => process.exit(130));
        result.stop().then(
          () => exitSoon(0),
          (error: unknown) => {
            io.err(`Error while stopping: ${String(error)}`);
            exitSoon(1);
          },
        );
      };
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
      return null;
    }
  }
}

/** Lets stdout drain and the loop end by itself; forces the exit if a stray handle keeps the process alive. */
function exitSoon(code: number): void {
  process.exitCode = code;
  setTimeout(() => process.exit(code), 2_000).unref();
}

function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  const io: CliIo = { out: (l) => process.stdout.write(`${l}\n`), err: (l) => process.stderr.write(`${l}\n`) };
  main(process.argv.slice(2), io).then(
    (code) => {
      if (code !== null) exitSoon(code);
    },
    (error: unknown) => {
      io.err(`Error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      exitSoon(1);
    },
  );
}
