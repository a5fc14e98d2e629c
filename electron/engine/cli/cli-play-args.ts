import type { Command } from 'commander';
import {
  BackendUrlSchema,
  OPENIM_PROFILES,
  type OpenImProfile,
  TENCENT_PROFILES,
  type TencentProfile,
} from '../../../shared/contract/index.js';
import { ArgError, act, noMoreArguments, quietCommand, type Subcommand } from './cli-program.js';

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

export type PlayCommand = { kind: 'send'; options: SendOptions } | { kind: 'replay'; options: ReplayCliOptions };

/** The raw strings commander collects for send and replay (names camel-cased). */
interface PlayFlags {
  to?: string;
  command?: string;
  body?: string;
  dialect?: string;
  profile?: string[];
  sdkappid?: string;
  tencentToken?: string;
  timeout?: string;
  concurrency?: string;
  json?: boolean;
}

/** Bad input in send and replay is exit 3 (product.md §2), so a CI job can tell it from an outcome. */
const BAD_INPUT = 3;

/** What each command says about the options both take. */
interface CommonHelp {
  to: string;
  profile: string;
  sdkappid: string;
  tencentToken: string;
  timeout: string;
}

/** The options both commands take, each explained for this command. */
function playCommand(name: string, usage: string, summary: string, description: string, help: CommonHelp): Command {
  return quietCommand(name, BAD_INPUT)
    .usage(usage)
    .summary(summary)
    .description(description)
    .option('--to <URL>', help.to)
    .option('--profile <P>', help.profile, (value: string, previous?: string[]) => [...(previous ?? []), value])
    .option('--sdkappid <N>', help.sdkappid)
    .option('--tencent-token <T>', help.tencentToken)
    .option('--timeout <MS>', help.timeout);
}

function required(name: string, value: string | undefined): string {
  if (value === undefined || value === '') throw new ArgError(`--${name} is required`);
  return value;
}

function url(value: string | undefined): string {
  const checked = BackendUrlSchema.safeParse(required('to', value));
  if (!checked.success) {
    const why = checked.error.issues.find((i) => i.code === 'custom')?.message;
    throw new ArgError(`--to must be an absolute http:// or https:// URL (got "${value}")${why ? `: ${why}` : ''}`);
  }
  return checked.data;
}

function int(name: string, value: string | undefined, min: number, max: number): number | null {
  if (value === undefined) return null;
  if (!/^\d{1,15}$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new ArgError(`--${name} must be a whole number from ${min} to ${max} (got "${value}")`);
  }
  return Number(value);
}

function token(value: string | undefined): string | null {
  if (value === undefined) return null;
  if (value === '' || value.length > 128) throw new ArgError('--tencent-token must be 1 to 128 characters');
  return value;
}

const isOpenIm = (p: string): p is OpenImProfile => (OPENIM_PROFILES as readonly string[]).includes(p);
const isTencent = (p: string): p is TencentProfile => (TENCENT_PROFILES as readonly string[]).includes(p);

function profiles(values: readonly string[] = []): { openim: OpenImProfile | null; tencent: TencentProfile | null } {
  let openim: OpenImProfile | null = null;
  let tencent: TencentProfile | null = null;
  for (const p of values) {
    if (isOpenIm(p)) openim = p;
    else if (isTencent(p)) tencent = p;
    else {
      throw new ArgError(
        `--profile must be one of ${[...OPENIM_PROFILES, ...TENCENT_PROFILES].join(', ')} (got "${p}")`,
      );
    }
  }
  return { openim, tencent };
}

/** What send and replay check alike. */
function common(flags: PlayFlags) {
  return {
    sdkAppId: int('sdkappid', flags.sdkappid, 0, Number.MAX_SAFE_INTEGER),
    tencentToken: token(flags.tencentToken),
    timeoutMs: int('timeout', flags.timeout, 1, 15_000),
    json: flags.json === true,
  };
}

function sendOptions(flags: PlayFlags, args: readonly string[]): SendOptions {
  noMoreArguments(args, 0);
  const dialect = flags.dialect ?? null;
  if (dialect !== null && dialect !== 'openim' && dialect !== 'tencent') {
    throw new ArgError(`--dialect must be openim or tencent (got "${dialect}")`);
  }
  if ((flags.profile?.length ?? 0) > 1) throw new ArgError('--profile may be given once for send');
  const { openim, tencent } = profiles(flags.profile);
  const to = url(flags.to);
  const command = required('command', flags.command);
  const body = required('body', flags.body);
  return { to, command, body, dialect, profile: openim ?? tencent, ...common(flags) };
}

export const sendCommand: Subcommand<PlayCommand> = (done) => {
  const cmd = playCommand(
    'send',
    '--to URL --command CMD --body FILE|- [options]',
    'send one callback to a backend as the IM server would and print the outcome',
    'Sends one callback to a backend exactly as the IM server would, checks the answer and prints the predicted outcome.\nExit code: 0 proceeds or ignored, 1 blocked (or some targets blocked, or dropped), 2 fails or unknown, 3 bad input (an unknown command included).',
    {
      to: 'the backend: OpenIM webhooks.yml url (the command is appended) or the Tencent callback URL',
      profile: `OpenIM ${OPENIM_PROFILES.join(' | ')}; Tencent ${TENCENT_PROFILES.join(' | ')}`,
      sdkappid: 'Tencent SdkAppid query value',
      tencentToken: 'Tencent callback token: adds RequestTime and Sign',
      timeout: "the server's timeout (default: OpenIM 5000, Tencent 2000)",
    },
  )
    .option('--command <CMD>', 'callbackBeforeAddFriendCommand, Sns.CallbackPrevFriendAdd, …')
    .option('--body <FILE|->', 'the JSON body to send (- reads stdin)')
    .option('--dialect <D>', 'openim | tencent (default: from the command)')
    .option('--json', 'print the full exchange as JSON');
  return act(cmd, (): PlayCommand => ({ kind: 'send', options: sendOptions(cmd.opts<PlayFlags>(), cmd.args) }), done);
};

function replayOptions(flags: PlayFlags, args: readonly string[]): ReplayCliOptions {
  const [session] = args;
  if (session === undefined) throw new ArgError('the session file is required (JSON session, HAR or NDJSON)');
  noMoreArguments(args, 1);
  return {
    session,
    to: url(flags.to),
    ...profiles(flags.profile),
    ...common(flags),
    concurrency: int('concurrency', flags.concurrency, 1, 64) ?? 1,
  };
}

export const replayCommand: Subcommand<PlayCommand> = (done) => {
  const cmd = playCommand(
    'replay',
    'SESSION --to URL [options]',
    'replay a recorded session against a backend and compare the outcomes',
    'Re-sends every callback of a recorded session (JSON session, HAR or NDJSON) to a backend and compares each answer and predicted outcome with the recorded one.\nExit code: 0 no outcome changed, 1 an outcome changed, 3 bad input.',
    {
      to: 'the backend (OpenIM: <url>/<command>; Tencent: <url>?<recorded query>)',
      profile: `OpenIM ${OPENIM_PROFILES.join(' | ')} and/or Tencent ${TENCENT_PROFILES.join(' | ')} (repeatable)`,
      sdkappid: 'expected Tencent SdkAppid (for the request checks)',
      tencentToken: 're-sign Tencent callbacks (recorded Signs are stale)',
      timeout: "OpenIM's timeout (default 5000)",
    },
  )
    .option('--concurrency <N>', 'callbacks in flight at once (default 1: the recorded order)')
    .option('--json', 'print the report as JSON');
  return act(
    cmd,
    (): PlayCommand => ({ kind: 'replay', options: replayOptions(cmd.opts<PlayFlags>(), cmd.args) }),
    done,
  );
};
