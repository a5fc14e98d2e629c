import { homedir } from 'node:os';
import { join } from 'node:path';
import { HOLD_MODES, type HoldMode, upstreamUrlProblem } from '../../../shared/contract/index.js';
import { type PlayCommand, replayCommand, sendCommand } from './cli-play-args.js';
import {
  ArgError,
  act,
  noMoreArguments,
  type ParseStop,
  parseCommandLine,
  quietCommand,
  type Subcommand,
} from './cli-program.js';
import { type VerifyCommand, verifyCommand } from './cli-verify-args.js';

/** `callback-inspector serve` options (product.md §5). */
export interface ServeOptions {
  host: string | null;
  port: number | null;
  controlPort: number;
  token: string | null;
  /** Replace the token kept in the data dir with a new one. */
  newToken: boolean;
  rulesFile: string | null;
  hold: HoldMode | null;
  /** v2: the app backend's callback URL (upstream mode). */
  upstream: string | null;
  dataDir: string | null;
  ui: boolean;
  sdkAppId: number | null;
  tencentToken: string | null;
  verbose: boolean;
}

/** What the command line asks for: a subcommand with its checked options, help, the version, or bad input. */
export type CliCommand = { kind: 'serve'; options: ServeOptions } | PlayCommand | VerifyCommand | ParseStop;

/** The raw strings commander collects for serve (names camel-cased; `--no-ui` sets `ui`). */
interface ServeFlags {
  host?: string;
  port?: string;
  controlPort?: string;
  token?: string;
  newToken?: boolean;
  rules?: string;
  hold?: string;
  upstream?: string;
  dataDir?: string;
  ui: boolean;
  sdkappid?: string;
  tencentToken?: string;
  verbose?: boolean;
}

function parsePort(name: string, value: string | undefined): number | null {
  if (value === undefined) return null;
  if (!/^\d{1,5}$/.test(value) || Number(value) > 65_535) {
    throw new ArgError(`--${name} must be a port number from 0 to 65535 (got "${value}")`);
  }
  return Number(value);
}

function nonEmpty(name: string, value: string | undefined, max: number): string | null {
  if (value === undefined) return null;
  if (value.trim() === '' || value.length > max || /\s/.test(value)) {
    throw new ArgError(`--${name} must be 1 to ${max} characters without spaces`);
  }
  return value;
}

function parseHold(value: string | undefined): HoldMode | null {
  if (value === undefined) return null;
  const mode = HOLD_MODES.find((m) => m === value);
  if (!mode) throw new ArgError(`--hold must be one of ${HOLD_MODES.join(', ')} (got "${value}")`);
  return mode;
}

function parseUpstream(value: string | undefined): string | null {
  if (value === undefined) return null;
  const problem = upstreamUrlProblem(value);
  if (problem !== null) throw new ArgError(`--upstream: ${problem}`);
  return value;
}

function parseSdkAppId(value: string | undefined): number | null {
  if (value === undefined) return null;
  if (!/^\d{1,15}$/.test(value)) throw new ArgError(`--sdkappid must be a whole number (got "${value}")`);
  return Number(value);
}

function serveOptions(flags: ServeFlags, args: readonly string[]): ServeOptions {
  noMoreArguments(args, 0);
  if (flags.newToken && flags.token !== undefined)
    throw new ArgError('--new-token and --token cannot be used together');
  return {
    host: nonEmpty('host', flags.host, 255),
    port: parsePort('port', flags.port),
    controlPort: parsePort('control-port', flags.controlPort) ?? 10007,
    token: nonEmpty('token', flags.token, 256),
    newToken: flags.newToken === true,
    rulesFile: nonEmpty('rules', flags.rules, 4096),
    hold: parseHold(flags.hold),
    upstream: parseUpstream(flags.upstream),
    dataDir: flags.dataDir === undefined || flags.dataDir === '' ? null : flags.dataDir,
    ui: flags.ui,
    sdkAppId: parseSdkAppId(flags.sdkappid),
    tencentToken: nonEmpty('tencent-token', flags.tencentToken, 128),
    verbose: flags.verbose === true,
  };
}

const serveCommand: Subcommand<CliCommand> = (done) => {
  const cmd = quietCommand('serve', 2)
    .summary('run the engine headless and serve its UI to a browser')
    .description('Runs the Callback Inspector engine headless and serves its UI to a browser.')
    .option('--host <HOST>', 'listener address (default 127.0.0.1; anything else exposes it to the network)')
    .option('--port <N>', 'listener port (default 10006; 0 = any free port)')
    .option('--control-port <N>', 'control API + UI port, loopback only (default 10007; 0 = any free port)')
    .option('--token <T>', 'control API token for this run (default: the one kept in the data dir)')
    .option('--new-token', 'replace the token kept in the data dir (open pages must use the new UI address)')
    .option('--rules <FILE>', 'JSON array of rules to use for this run')
    .option('--hold <MODE>', `hold requests for a person or script: ${HOLD_MODES.join(' | ')}`)
    .option(
      '--upstream <URL>',
      'forward every callback to your app backend at URL and relay its answers (OpenIM: URL/<command>; Tencent: URL?<original query>)',
    )
    .option('--data-dir <DIR>', 'settings, rules and capture log (default: the user data folder)')
    .option('--no-ui', 'do not serve the web UI (control API only)')
    .option('--sdkappid <N>', 'expected Tencent SdkAppid')
    .option('--tencent-token <T>', 'Tencent callback token (enables Sign checks)')
    .option('--verbose', 'print one line per answered callback')
    .version('', '-v, --version', 'print the version');
  return act(cmd, (): CliCommand => ({ kind: 'serve', options: serveOptions(cmd.opts<ServeFlags>(), cmd.args) }), done);
};

/**
 * The subcommands, in the order the help lists them. A new one (e.g. `verify`) is a Subcommand in its own file, an
 * entry here, its parsed type in CliCommand and a case in cli.ts's `main`.
 */
const SUBCOMMANDS = [serveCommand, sendCommand, replayCommand, verifyCommand];

/** Parses `serve|send|replay [options]` (argv without node and the script). Never throws; never exits. */
export function parseCliArgs(argv: readonly string[]): CliCommand {
  let parsed: CliCommand | null = null;
  const done = (command: CliCommand): void => {
    parsed = command;
  };
  const program = quietCommand('callback-inspector', 2)
    .description(
      'Stands in for the app backend of OpenIM and Tencent Cloud Chat callbacks (serve), plays the IM server against a backend (send, replay: no listener, no control API), or checks recorded callbacks against expectations (verify). Each command has its own --help.',
    )
    .version('', '-v, --version', 'print the version');
  for (const define of SUBCOMMANDS) program.addCommand(define(done));
  act(
    program,
    () => {
      const [first] = program.args;
      throw new ArgError(
        first === undefined ? 'missing command (did you mean "serve"?)' : `unknown command "${first}"`,
      );
    },
    done,
  );
  return parseCommandLine(program, argv, () => parsed);
}

/** The per-user data folder: XDG data home on Linux, Application Support on macOS, %APPDATA% on Windows. */
export function defaultDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Callback Inspector');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Callback Inspector');
  const xdg = env.XDG_DATA_HOME;
  return join(xdg?.startsWith('/') ? xdg : join(home, '.local', 'share'), 'callback-inspector');
}
