import { ArgError, act, noMoreArguments, quietCommand, type Subcommand } from './cli-program.js';

/** `callback-inspector verify` options (product.md §5 "v3 verify"). */
export interface VerifyCliOptions {
  expectFile: string;
  /** Check a recorded session (JSON session, HAR or NDJSON), or a running engine. */
  source: { kind: 'session'; file: string } | { kind: 'control'; url: string; token: string; waitMs: number };
  json: boolean;
}

export type VerifyCommand = { kind: 'verify'; options: VerifyCliOptions };

interface VerifyFlags {
  session?: string;
  control?: string;
  token?: string;
  wait?: string;
  json?: boolean;
}

/** Bad input (file, URL, token) is exit 3, as for send and replay: a CI job tells it from "some unmet" (1). */
const BAD_INPUT = 3;
const MAX_WAIT_MS = 3_600_000;

function controlUrl(value: string): string {
  if (!/^https?:\/\/[^/?#\s]+\/?$/i.test(value))
    throw new ArgError(`--control must be the control API's base URL, e.g. http://127.0.0.1:10007 (got "${value}")`);
  return value.replace(/\/$/, '');
}

function verifyOptions(flags: VerifyFlags, args: readonly string[]): VerifyCliOptions {
  const [expectFile] = args;
  if (expectFile === undefined || expectFile === '')
    throw new ArgError('the expectation file is required (EXPECT.json)');
  noMoreArguments(args, 1);
  const json = flags.json === true;
  if (flags.session !== undefined) {
    if (flags.control !== undefined) throw new ArgError('give either --session or --control, not both');
    if (flags.token !== undefined || flags.wait !== undefined)
      throw new ArgError('--token and --wait go with --control (a session file is read as it is)');
    if (flags.session === '') throw new ArgError('--session needs a file');
    return { expectFile, source: { kind: 'session', file: flags.session }, json };
  }
  if (flags.control === undefined) throw new ArgError('give --session FILE or --control URL --token T');
  if (flags.token === undefined || flags.token === '')
    throw new ArgError('--control needs --token (the control API token)');
  let waitMs = 0;
  if (flags.wait !== undefined) {
    if (!/^\d{1,10}$/.test(flags.wait) || Number(flags.wait) > MAX_WAIT_MS)
      throw new ArgError(`--wait must be a number of ms from 0 to ${MAX_WAIT_MS} (got "${flags.wait}")`);
    waitMs = Number(flags.wait);
  }
  return { expectFile, source: { kind: 'control', url: controlUrl(flags.control), token: flags.token, waitMs }, json };
}

export const verifyCommand: Subcommand<VerifyCommand> = (done) => {
  const cmd = quietCommand('verify', BAD_INPUT)
    .usage('EXPECT.json (--session FILE | --control URL --token T [--wait MS]) [--json]')
    .summary('check recorded callbacks against expectations (for client end-to-end tests in CI)')
    .description(
      'Checks recorded callbacks against an expectation file (schema: schemas/verify-expect.schema.json) and prints each expectation met or unmet, with the closest captures and why they did not match.\nExit code: 0 all met, 1 some unmet, 3 bad input (file, URL, token).',
    )
    .option('--session <FILE>', 'a recorded session: JSON session export, HAR or NDJSON')
    .option('--control <URL>', "a running engine's control API, e.g. http://127.0.0.1:10007")
    .option('--token <T>', 'the control API token (with --control)')
    .option('--wait <MS>', 'poll the engine until all are met or MS have passed (with --control; default 0)')
    .option('--json', 'print the result as JSON (the body POST /api/verify answers)');
  return act(
    cmd,
    (): VerifyCommand => ({ kind: 'verify', options: verifyOptions(cmd.opts<VerifyFlags>(), cmd.args) }),
    done,
  );
};
