import { readFile } from 'node:fs/promises';
import {
  DEFAULT_SETTINGS,
  type ExpectFile,
  ExpectFileSchema,
  type VerifyResponse,
  type VerifyResult,
} from '../../../shared/contract/index.js';
import { deriveFlows } from '../../../shared/flows/index.js';
import { identify } from '../../../shared/protocol/index.js';
import { verifyExpectations } from '../../../shared/verify/verify.js';
import { parsedBody, verifyCapture } from '../flows/verify-capture.js';
import { exchange } from '../outbound/http-exchange.js';
import { parseImport } from '../store/session-io.js';
import type { CliIo } from './cli-serve.js';
import type { VerifyCliOptions } from './cli-verify-args.js';

/** Exit codes of `verify` (product.md §5). */
export const VERIFY_EXIT = { met: 0, unmet: 1, badInput: 3 } as const;
/** Between two polls of a running engine under `--wait`. */
const POLL_MS = 250;
/** One check of a large store may take a while: as long as `fetch` waits for an answer's head. */
const VERIFY_TIMEOUT_MS = 300_000;

class BadInput extends Error {}

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

async function readExpectations(file: string): Promise<ExpectFile> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new BadInput(`cannot read ${file}: ${message(error)}`);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text) as unknown;
  } catch (error) {
    throw new BadInput(`${file} is not JSON: ${message(error)}`);
  }
  const checked = ExpectFileSchema.safeParse(doc);
  if (checked.success) return checked.data;
  const problems = checked.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
  throw new BadInput(`${file} is not a valid expectation file:\n${problems.join('\n')}`);
}

/** `--session`: the flows are derived from the recording and settled as finished (a step not in it is missing). */
async function fromSession(file: ExpectFile, session: string): Promise<VerifyResponse> {
  let captures: ReturnType<typeof parseImport>['captures'];
  try {
    captures = parseImport(await readFile(session, 'utf8'), identify).captures;
  } catch (error) {
    throw new BadInput(`cannot read the session ${session}: ${message(error)}`);
  }
  const ordered = [...captures].sort((a, b) => a.receivedAt - b.receivedAt || a.seq - b.seq);
  const withBodies = ordered.map((c) => ({
    ...c,
    request: { ...c.request, body: c.request.body ?? parsedBody(c.request.bodyText) },
  }));
  const { profiles, flows } = DEFAULT_SETTINGS;
  return verifyExpectations(
    file,
    // Each body parsed once: verifyCapture keeps the one parsed above.
    withBodies.map(verifyCapture),
    deriveFlows(withBodies, { profiles, settleMs: flows.settleMs }),
  );
}

/** One `POST /api/verify`; anything but an answer is bad input (URL, token), never "unmet". */
async function askEngine(file: ExpectFile, url: string, token: string): Promise<VerifyResponse> {
  const result = await exchange({
    url: `${url}/api/verify`,
    method: 'POST',
    headers: ['Authorization', `Bearer ${token}`, 'Content-Type', 'application/json'],
    body: JSON.stringify(file),
    timeoutMs: VERIFY_TIMEOUT_MS,
    retryStale: true,
  });
  if (!result.ok) throw new BadInput(`cannot reach the control API at ${url}: ${result.failure.message}`);
  const { status } = result.answer;
  const text = result.answer.body.toString('utf8');
  if (status === 401) throw new BadInput(`the control API at ${url} refused the token (401)`);
  if (status === 404) throw new BadInput(`${url} has no /api/verify: is it a Callback Inspector v3 control API?`);
  if (status !== 200) throw new BadInput(`the control API at ${url} answered ${status}: ${text.slice(0, 500)}`);
  try {
    return JSON.parse(text) as VerifyResponse; // the engine's contract type (shared/contract/verify.ts)
  } catch {
    throw new BadInput(`the control API at ${url} did not answer JSON`);
  }
}

async function fromControl(file: ExpectFile, url: string, token: string, waitMs: number): Promise<VerifyResponse> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const result = await askEngine(file, url, token);
    if (result.ok || Date.now() + POLL_MS > deadline) return result;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

const time = (ms: number): string => new Date(ms).toISOString().slice(11, 23);

/** One block per expectation: met with its count, or unmet with why and the closest captures. */
export function formatVerify(result: VerifyResponse): string[] {
  const lines: string[] = [];
  for (const r of result.results) lines.push(...formatResult(r));
  const met = result.results.filter((r) => r.met).length;
  lines.push(
    '',
    `${met} of ${result.results.length} expectations met${result.ok ? '' : ` (${result.results.length - met} unmet)`}`,
  );
  return lines;
}

function formatResult(r: VerifyResult): string[] {
  if (r.met) {
    const ids = r.captureIds.slice(0, 5).join(', ') + (r.captureIds.length > 5 ? ', …' : '');
    return [`met    ${r.id}: ${r.count} capture${r.count === 1 ? '' : 's'}${ids ? ` (${ids})` : ''}`];
  }
  const lines = [`UNMET  ${r.id}: ${r.problem ?? 'not met'}`];
  for (const near of r.closest ?? []) {
    lines.push(`         closest: #${near.seq} ${near.command ?? '(unknown command)'} at ${time(near.receivedAt)}`);
    for (const why of near.why) lines.push(`           - ${why}`);
  }
  return lines;
}

/** `callback-inspector verify`: exit 0 all met, 1 some unmet, 3 bad input. */
export async function runVerify(o: VerifyCliOptions, io: CliIo): Promise<number> {
  let result: VerifyResponse;
  try {
    const file = await readExpectations(o.expectFile);
    result =
      o.source.kind === 'session'
        ? await fromSession(file, o.source.file)
        : await fromControl(file, o.source.url, o.source.token, o.source.waitMs);
  } catch (error) {
    if (!(error instanceof BadInput)) throw error;
    io.err(`Error: ${error.message}`);
    return VERIFY_EXIT.badInput;
  }
  if (o.json) io.out(JSON.stringify(result, null, 2));
  else for (const line of formatVerify(result)) io.out(line);
  return result.ok ? VERIFY_EXIT.met : VERIFY_EXIT.unmet;
}
