import { parseArgs } from 'node:util';
import {
  BackendUrlSchema,
  OPENIM_PROFILES,
  type OpenImProfile,
  TENCENT_PROFILES,
  type TencentProfile,
} from '../../../shared/contract/index.js';

/** `callback-inspector send` and `replay` (product.md §2 "Send and replay", §5): play the IM server from CI. */
export interface SendOptions {
  to: string;
  command: string;
  /** A file path, or `-` for stdin. */
  body: string;
  dialect: 'openim' | 'tencent' | null;
  profile: OpenImProfile | TencentProfile | null;
  sdkAppId: number | null;
  tencentToken: string | null;
  timeoutMs: number | null;
  json: boolean;
}

export interface ReplayCliOptions {
  session: string;
  to: string;
  openim: OpenImProfile | null;
  tencent: TencentProfile | null;
  sdkAppId: number | null;
  tencentToken: string | null;
  timeoutMs: number | null;
  concurrency: number;
  json: boolean;
}

export type PlayCommand =
  | { kind: 'send'; options: SendOptions }
  | { kind: 'replay'; options: ReplayCliOptions }
  | { kind: 'play-help'; text: string }
  | { kind: 'play-error'; message: string; usage: string };

export const SEND_USAGE = `Usage: callback-inspector send --to URL --command CMD --body FILE|- [options]

Sends one callback to a backend exactly as the IM server would, checks the answer and prints the predicted outcome.
Exit code: 0 proceeds or ignored, 1 blocked (or some targets blocked), 2 fails or unknown, 3 bad input.

Options:
  --to URL             the backend: OpenIM webhooks.yml url (the command is appended) or the Tencent callback URL
  --command CMD        callbackBeforeAddFriendCommand, Sns.CallbackPrevFriendAdd, …
  --body FILE|-        the JSON body to send (- reads stdin)
  --dialect D          openim | tencent (default: from the command)
  --profile P          OpenIM ${OPENIM_PROFILES.join(' | ')}; Tencent ${TENCENT_PROFILES.join(' | ')}
  --sdkappid N         Tencent SdkAppid query value
  --tencent-token T    Tencent callback token: adds RequestTime and Sign
  --timeout MS         the server's timeout (default: OpenIM 5000, Tencent 2000)
  --json               print the full exchange as JSON`;

export const REPLAY_USAGE = `Usage: callback-inspector replay SESSION --to URL [options]

Re-sends every callback of a recorded session (JSON session, HAR or NDJSON) to a backend and compares each answer
and predicted outcome with the recorded one. Exit code: 0 no outcome changed, 1 an outcome changed, 3 bad input.

Options:
  --to URL             the backend (OpenIM: <url>/<command>; Tencent: <url>?<recorded query>)
  --profile P          OpenIM ${OPENIM_PROFILES.join(' | ')} and/or Tencent ${TENCENT_PROFILES.join(' | ')} (repeatable)
  --sdkappid N         expected Tencent SdkAppid (for the request checks)
  --tencent-token T    re-sign Tencent callbacks (recorded Signs are stale)
  --timeout MS         OpenIM's timeout (default 5000)
  --concurrency N      callbacks in flight at once (default 1: the recorded order)
  --json               print the report as JSON`;

const COMMON = {
  to: { type: 'string' },
  profile: { type: 'string', multiple: true },
  sdkappid: { type: 'string' },
  'tencent-token': { type: 'string' },
  timeout: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

class PlayArgError extends Error {}

function required(name: string, value: string | undefined): string {
  if (value === undefined || value === '') throw new PlayArgError(`--${name} is required`);
  return value;
}

function url(value: string | undefined): string {
  const checked = BackendUrlSchema.safeParse(required('to', value));
  if (!checked.success) {
    const why = checked.error.issues.find((i) => i.code === 'custom')?.message;
    throw new PlayArgError(`--to must be an absolute http:// or https:// URL (got "${value}")${why ? `: ${why}` : ''}`);
  }
  return checked.data;
}

function int(name: string, value: string | undefined, min: number, max: number): number | null {
  if (value === undefined) return null;
  if (!/^\d{1,15}$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new PlayArgError(`--${name} must be a whole number from ${min} to ${max} (got "${value}")`);
  }
  return Number(value);
}

function token(value: string | undefined): string | null {
  if (value === undefined) return null;
  if (value === '' || value.length > 128) throw new PlayArgError('--tencent-token must be 1 to 128 characters');
  return value;
}

const isOpenIm = (p: string): p is OpenImProfile => (OPENIM_PROFILES as readonly string[]).includes(p);
const isTencent = (p: string): p is TencentProfile => (TENCENT_PROFILES as readonly string[]).includes(p);

function profiles(values: string[] | undefined): { openim: OpenImProfile | null; tencent: TencentProfile | null } {
  let openim: OpenImProfile | null = null;
  let tencent: TencentProfile | null = null;
  for (const p of values ?? []) {
    if (isOpenIm(p)) openim = p;
    else if (isTencent(p)) tencent = p;
    else {
      throw new PlayArgError(
        `--profile must be one of ${[...OPENIM_PROFILES, ...TENCENT_PROFILES].join(', ')} (got "${p}")`,
      );
    }
  }
  return { openim, tencent };
}

function parseSend(args: string[]): PlayCommand {
  const { values, positionals } = parseArgs({
    args,
    options: { ...COMMON, command: { type: 'string' }, body: { type: 'string' }, dialect: { type: 'string' } },
    strict: true,
    allowPositionals: true,
  });
  if (values.help) return { kind: 'play-help', text: SEND_USAGE };
  if (positionals.length > 0) throw new PlayArgError(`unexpected argument "${positionals[0]}"`);
  const dialect = values.dialect ?? null;
  if (dialect !== null && dialect !== 'openim' && dialect !== 'tencent') {
    throw new PlayArgError(`--dialect must be openim or tencent (got "${dialect}")`);
  }
  if ((values.profile?.length ?? 0) > 1) throw new PlayArgError('--profile may be given once for send');
  const { openim, tencent } = profiles(values.profile);
  return {
    kind: 'send',
    options: {
      to: url(values.to),
      command: required('command', values.command),
      body: required('body', values.body),
      dialect,
      profile: openim ?? tencent,
      sdkAppId: int('sdkappid', values.sdkappid, 0, Number.MAX_SAFE_INTEGER),
      tencentToken: token(values['tencent-token']),
      timeoutMs: int('timeout', values.timeout, 1, 15_000),
      json: values.json === true,
    },
  };
}

function parseReplay(args: string[]): PlayCommand {
  const { values, positionals } = parseArgs({
    args,
    options: { ...COMMON, concurrency: { type: 'string' } },
    strict: true,
    allowPositionals: true,
  });
  if (values.help) return { kind: 'play-help', text: REPLAY_USAGE };
  if (positionals.length === 0) throw new PlayArgError('the session file is required (JSON session, HAR or NDJSON)');
  if (positionals.length > 1) throw new PlayArgError(`unexpected argument "${positionals[1]}"`);
  return {
    kind: 'replay',
    options: {
      session: positionals[0] ?? '',
      to: url(values.to),
      ...profiles(values.profile),
      sdkAppId: int('sdkappid', values.sdkappid, 0, Number.MAX_SAFE_INTEGER),
      tencentToken: token(values['tencent-token']),
      timeoutMs: int('timeout', values.timeout, 1, 15_000),
      concurrency: int('concurrency', values.concurrency, 1, 64) ?? 1,
      json: values.json === true,
    },
  };
}

/** Parses `send …` / `replay …` (argv after the subcommand name). Never throws. */
export function parsePlayArgs(sub: 'send' | 'replay', args: readonly string[]): PlayCommand {
  const usage = sub === 'send' ? SEND_USAGE : REPLAY_USAGE;
  try {
    return sub === 'send' ? parseSend([...args]) : parseReplay([...args]);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // parseArgs' own messages name the option; keep their first sentence.
    return { kind: 'play-error', message: message.split('. ')[0] ?? message, usage };
  }
}
