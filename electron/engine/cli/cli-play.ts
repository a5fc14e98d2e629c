import { readFile } from 'node:fs/promises';
import {
  type Capture,
  DEFAULT_SETTINGS,
  type OutcomeEffect,
  type ReplayItem,
  type ReplayReport,
  SendToBackendSchema,
} from '../../../shared/contract/index.js';
import { checksBesideFailure, describeOutcome } from '../../../shared/protocol/index.js';
import { errorMessage } from '../control/http-io.js';
import { playCallback, resolvePlay } from '../outbound/play-server.js';
import { replayCaptures } from '../outbound/replay.js';
import { parseImport } from '../store/session-io.js';
import type { ReplayCliOptions, SendOptions } from './cli-play-args.js';
import type { CliIo } from './cli-serve.js';

/** Exit codes of `send` (product.md §2) and `replay`. */
export const EXIT = { proceeds: 0, blocked: 1, changed: 1, fails: 2, badInput: 3 } as const;

export interface PlayEnv {
  /** Reads all of stdin (for `--body -`). */
  readStdin(): Promise<string>;
}

export function readProcessStdin(): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    process.stdin.on('data', (c: Buffer) => chunks.push(c));
    process.stdin.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    process.stdin.on('error', reject);
  });
}

function exitFor(effect: OutcomeEffect | undefined): number {
  if (effect === 'proceeds' || effect === 'ignored') return EXIT.proceeds;
  if (effect === 'blocked' || effect === 'partial' || effect === 'dropped') return EXIT.blocked;
  return EXIT.fails;
}

const cut = (text: string, max = 300): string => {
  const one = text.replace(/\s*\n\s*/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
};

/** `send`: one callback played to the backend; prints the outcome; the exit code says what the server would do. */
export async function runSend(o: SendOptions, io: CliIo, env: PlayEnv): Promise<number> {
  let text: string;
  try {
    text = o.body === '-' ? await env.readStdin() : await readFile(o.body, 'utf8');
  } catch (error) {
    io.err(`Error: cannot read the body ${o.body === '-' ? 'from stdin' : `file ${o.body}`}: ${errorMessage(error)}`);
    return EXIT.badInput;
  }
  let body: unknown;
  try {
    body = JSON.parse(text) as unknown;
  } catch (error) {
    io.err(`Error: the body is not valid JSON: ${errorMessage(error)}`);
    return EXIT.badInput;
  }
  const input = SendToBackendSchema.safeParse({
    to: o.to,
    command: o.command,
    body,
    ...(o.dialect ? { dialect: o.dialect } : {}),
    ...(o.profile ? { profile: o.profile } : {}),
    ...(o.timeoutMs !== null ? { timeoutMs: o.timeoutMs } : {}),
    tencent: { sdkAppId: o.sdkAppId, token: o.tencentToken },
  });
  if (!input.success) {
    io.err(`Error: ${input.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; ')}`);
    return EXIT.badInput;
  }
  // An unknown or misspelt command is refused there, naming the closest known one (exit 3, nothing sent).
  const resolved = resolvePlay(input.data, DEFAULT_SETTINGS);
  if (!resolved.ok) {
    io.err(`Error: ${resolved.message}`);
    return EXIT.badInput;
  }
  const capture = await playCallback(resolved.play);
  if (o.json) io.out(JSON.stringify(capture, null, 2));
  else printSent(capture, io);
  return exitFor(capture.outcome?.effect);
}

function printSent(c: Capture, io: CliIo): void {
  const up = c.upstream;
  io.out(`POST ${c.request.url}`);
  if (up?.status != null)
    io.out(`← ${up.status} in ${Math.round(up.latencyMs ?? 0)} ms: ${cut(up.bodyText) || '(empty body)'}`);
  else io.out(`← no answer: ${up?.error ?? 'unknown error'}`);
  // The answer line already says why none came: its missing-answer check is not printed again.
  for (const f of [...c.findings, ...checksBesideFailure(up?.findings ?? [], up?.error)]) {
    io.out(`  ${f.level}: ${f.message}`);
  }
  io.out(`Outcome: ${describeOutcome(c.outcome)}${c.outcome ? ` — ${c.outcome.explanation}` : ''}`);
}

/** `replay`: the session against a backend; exit 1 when any outcome changed. */
export async function runReplay(o: ReplayCliOptions, io: CliIo): Promise<number> {
  let captures: Capture[];
  try {
    const parsed = parseImport(await readFile(o.session, 'utf8'));
    captures = parsed.captures;
    if (parsed.skipped > 0) io.err(`${parsed.skipped} entries of ${o.session} are not captures and were left out`);
  } catch (error) {
    io.err(`Error: cannot replay ${o.session}: ${errorMessage(error)}`);
    return EXIT.badInput;
  }
  const openim = o.openim ?? DEFAULT_SETTINGS.profiles.openim;
  const tencent = o.tencent ?? DEFAULT_SETTINGS.profiles.tencent;
  if (!o.json)
    io.out(
      `Replaying ${captures.length} callbacks from ${o.session} to ${o.to} (OpenIM ${openim}, Tencent ${tencent})`,
    );
  // Progress goes to stderr, so stdout stays the report; only on sessions long enough to wait for.
  const step = Math.max(10, Math.ceil(captures.length / 20));
  const report = await replayCaptures(captures, {
    to: o.to,
    profiles: { openim, tencent },
    openimTimeoutMs: o.timeoutMs ?? DEFAULT_SETTINGS.hold.openimTimeoutMs,
    token: o.tencentToken,
    sdkAppId: o.sdkAppId,
    concurrency: o.concurrency,
    onProgress: (done, total) => {
      if (total >= 20 && (done % step === 0 || done === total)) io.err(`replayed ${done}/${total}`);
    },
  });
  if (o.json) io.out(JSON.stringify(report, null, 2));
  else printReport(report, io);
  return report.summary.outcomeChanged > 0 ? EXIT.changed : 0;
}

function printItem(item: ReplayItem, io: CliIo): void {
  const label =
    item.verdict === 'outcome-changed' ? 'OUTCOME CHANGED' : item.verdict === 'skipped' ? 'skipped' : 'answer changed';
  io.out(`#${item.seq} ${item.command ?? '(no command)'}  ${label}: ${item.reason ?? ''}`);
  if (item.verdict === 'skipped') return;
  const side = (a: ReplayItem['recorded']): string =>
    a === null
      ? '(none)'
      : a.status === null
        ? `no answer (${a.error ?? 'unknown'})`
        : `${a.status} ${cut(a.bodyText, 200)}`;
  io.out(`    recorded: ${side(item.recorded)}`);
  io.out(`    new:      ${side(item.replayed)}`);
}

function printReport(report: ReplayReport, io: CliIo): void {
  // Outcome changes first: they are what fails the job.
  const order = ['outcome-changed', 'answer-changed', 'skipped'] as const;
  for (const verdict of order) for (const item of report.items) if (item.verdict === verdict) printItem(item, io);
  const s = report.summary;
  io.out(
    `${s.total} replayed: ${s.same} same, ${s.answerChanged} answer changed, ${s.outcomeChanged} outcome changed, ${s.skipped} skipped`,
  );
}
