import { homedir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { HOLD_MODES, type HoldMode, upstreamUrlProblem } from '../../../shared/contract/index.js';
import { type PlayCommand, parsePlayArgs } from './cli-play-args.js';

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

export type CliCommand =
  | { kind: 'serve'; options: ServeOptions }
  | PlayCommand
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'error'; message: string };

export const USAGE = `Usage: callback-inspector serve [options]
       callback-inspector send --to URL --command CMD --body FILE|- [options]   (send --help)
       callback-inspector replay SESSION --to URL [options]                     (replay --help)

serve runs the Callback Inspector engine headless and serves its UI to a browser; send and replay play the IM
server against a backend (no listener, no control API).

Options:
  --host HOST          listener address (default 127.0.0.1; anything else exposes it to the network)
  --port N             listener port (default 10006; 0 = any free port)
  --control-port N     control API + UI port, loopback only (default 10007; 0 = any free port)
  --token T            control API token for this run (default: the one kept in the data dir)
  --new-token          replace the token kept in the data dir (open pages must use the new UI address)
  --rules FILE         JSON array of rules to use for this run
  --hold MODE          hold requests for a person or script: off | before | all
  --upstream URL       forward every callback to your app backend at URL and relay its answers
                       (OpenIM: URL/<command>; Tencent: URL?<original query>)
  --data-dir DIR       settings, rules and capture log (default: the user data folder)
  --no-ui              do not serve the web UI (control API only)
  --sdkappid N         expected Tencent SdkAppid
  --tencent-token T    Tencent callback token (enables Sign checks)
  --verbose            print one line per answered callback
  -h, --help           show this help
  -v, --version        print the version`;

const OPTIONS = {
  host: { type: 'string' },
  port: { type: 'string' },
  'control-port': { type: 'string' },
  token: { type: 'string' },
  'new-token': { type: 'boolean' },
  rules: { type: 'string' },
  hold: { type: 'string' },
  upstream: { type: 'string' },
  'data-dir': { type: 'string' },
  'no-ui': { type: 'boolean' },
  sdkappid: { type: 'string' },
  'tencent-token': { type: 'string' },
  verbose: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

class ArgError extends Error {}

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

/** Parses `serve [options]` (argv without node and the script). Never throws; never exits. */
export function parseCliArgs(argv: readonly string[]): CliCommand {
  const sub = argv[0];
  if (sub === 'send' || sub === 'replay') return parsePlayArgs(sub, argv.slice(1));
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options: OPTIONS,
      strict: true,
      allowPositionals: true,
    });
    if (values.help) return { kind: 'help' };
    if (values.version) return { kind: 'version' };
    if (positionals.length === 0) return { kind: 'error', message: 'missing command (did you mean "serve"?)' };
    if (positionals[0] !== 'serve') return { kind: 'error', message: `unknown command "${positionals[0]}"` };
    if (positionals.length > 1) return { kind: 'error', message: `unexpected argument "${positionals[1]}"` };
    if (values['new-token'] && values.token !== undefined) {
      return { kind: 'error', message: '--new-token and --token cannot be used together' };
    }
    return {
      kind: 'serve',
      options: {
        host: nonEmpty('host', values.host, 255),
        port: parsePort('port', values.port),
        controlPort: parsePort('control-port', values['control-port']) ?? 10007,
        token: nonEmpty('token', values.token, 256),
        newToken: values['new-token'] === true,
        rulesFile: nonEmpty('rules', values.rules, 4096),
        hold: parseHold(values.hold),
        upstream: parseUpstream(values.upstream),
        dataDir: values['data-dir'] === undefined || values['data-dir'] === '' ? null : values['data-dir'],
        ui: values['no-ui'] !== true,
        sdkAppId: parseSdkAppId(values.sdkappid),
        tencentToken: nonEmpty('tencent-token', values['tencent-token'], 128),
        verbose: values.verbose === true,
      },
    };
  } catch (error) {
    return { kind: 'error', message: argErrorMessage(error) };
  }
}

/** parseArgs' own messages are long-winded for the common mistakes; the rest pass through. */
function argErrorMessage(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = 'code' in error ? error.code : undefined;
  const option = /'([^' ]+)/.exec(error.message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) return `unknown option ${option}`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option) {
    return /argument missing/.test(error.message)
      ? `option ${option} needs a value`
      : `option ${option} takes no value`;
  }
  return error.message;
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
