import {
  type Capture,
  captureNumber,
  type OpenImProfile,
  type ReplayAnswer,
  type ReplayItem,
  type ReplayReport,
  type ReplayRequest,
  type Settings,
  type TencentProfile,
} from '../../../shared/contract/index.js';
import {
  checkAnswer,
  compareReplay,
  replayServerRequest,
  type ServerProfile,
  summarizeReplay,
} from '../../../shared/protocol/index.js';
import { withBody } from '../store/capture-line.js';
import { isCommandName } from '../upstream/forward-guard.js';
import { playRequest, TENCENT_TIMEOUT_MS } from './play-server.js';

export interface ReplayOptions {
  to: string;
  profiles: { openim: OpenImProfile; tencent: TencentProfile };
  openimTimeoutMs: number;
  /** Tencent: re-sign with this token (a recorded Sign is stale); the SdkAppid for the request checks. */
  token: string | null;
  sdkAppId: number | null;
  concurrency: number;
  /** Called after each capture (in completion order). */
  onProgress?: (done: number, total: number) => void;
  /** Stores the new exchange and returns its capture id (the window keeps them; the CLI does not). */
  onSent?: (capture: Capture) => string | undefined;
}

/** A replay request's options, the settings filling in what it leaves out; `onSent` records each new exchange. */
export function replayOptions(
  request: ReplayRequest,
  settings: Settings,
  onSent: (capture: Capture) => string | undefined,
): ReplayOptions {
  return {
    to: request.to,
    profiles: {
      openim: request.profiles?.openim ?? settings.profiles.openim,
      tencent: request.profiles?.tencent ?? settings.profiles.tencent,
    },
    openimTimeoutMs: settings.hold.openimTimeoutMs,
    token: request.tencentToken !== undefined ? request.tencentToken : settings.tencent.token,
    sdkAppId: settings.tencent.sdkAppId,
    // One at a time by default: the recorded order matters to a backend that keeps state (add, then delete).
    concurrency: request.concurrency ?? 1,
    onSent,
  };
}

const profileFor = (dialect: 'openim' | 'tencent', o: ReplayOptions): ServerProfile =>
  dialect === 'openim'
    ? { dialect: 'openim', version: o.profiles.openim }
    : { dialect: 'tencent', policy: o.profiles.tencent };

/**
 * The recorded answer, with its outcome predicted again under the replay's profile, so that a profile change between
 * recording and replay is not reported as a change of the backend. Null when nothing was recorded.
 */
function recordedAnswer(c: Capture, o: ReplayOptions): ReplayAnswer | null {
  const dialect = c.dialect === 'tencent' ? 'tencent' : 'openim';
  const res = c.response;
  if (res === null) {
    const error = c.upstream?.error;
    return error === undefined
      ? null
      : { status: null, bodyText: '', error, latencyMs: c.latencyMs, outcome: c.upstream?.outcome ?? c.outcome };
  }
  const sent = res.fault
    ? { action: res.fault }
    : { action: 'respond' as const, status: res.status, bodyText: res.bodyText };
  const { outcome } = checkAnswer({
    dialect,
    command: c.command,
    phase: c.phase,
    requestBody: withBody(c).request.body,
    sent,
    elapsedMs: c.latencyMs ?? 0,
    serverTimeoutMs: dialect === 'openim' ? o.openimTimeoutMs : TENCENT_TIMEOUT_MS,
    profile: profileFor(dialect, o),
  });
  return res.fault
    ? { status: null, bodyText: '', error: `fault: ${res.fault}`, latencyMs: c.latencyMs, outcome }
    : { status: res.status, bodyText: res.bodyText, latencyMs: c.latencyMs, outcome };
}

function skipped(c: Capture, reason: string): ReplayItem {
  return {
    id: c.id,
    seq: captureNumber(c),
    dialect: c.dialect,
    command: c.command,
    verdict: 'skipped',
    reason,
    recorded: null,
    replayed: null,
    findings: [],
  };
}

async function replayOne(c: Capture, o: ReplayOptions): Promise<ReplayItem> {
  if (c.dialect === 'unknown' || c.command === null) return skipped(c, 'not a recognised OpenIM or Tencent callback');
  if (c.request.method.toUpperCase() !== 'POST') return skipped(c, `not a callback (${c.request.method})`);
  if (c.request.truncated) return skipped(c, 'the recorded body was cut at the size limit');
  // Put into the URL: `..` or `a/b` would reach another path of the backend (product.md §4 v3).
  if (!isCommandName(c.command)) return skipped(c, `bad-command: "${c.command}" is not a command name`);
  const recorded = recordedAnswer(c, o);
  if (recorded === null) return skipped(c, 'no answer was recorded');
  const nowMs = Date.now();
  const request = replayServerRequest(
    {
      dialect: c.dialect,
      command: c.command,
      identifiedBy: c.identifiedBy,
      url: c.request.url,
      headers: c.request.headers,
      bodyText: c.request.bodyText,
    },
    o.to,
    { nowMs, token: o.token },
  );
  const sent = await playRequest(request, {
    dialect: c.dialect,
    command: c.command,
    profile: profileFor(c.dialect, o),
    timeoutMs: c.dialect === 'openim' ? o.openimTimeoutMs : TENCENT_TIMEOUT_MS,
    sdkAppId: o.sdkAppId,
    token: o.token,
    nowMs,
  });
  const up = sent.upstream;
  const replayed: ReplayAnswer = {
    status: up?.status ?? null,
    bodyText: up?.bodyText ?? '',
    ...(up?.error !== undefined ? { error: up.error } : {}),
    latencyMs: up?.latencyMs ?? null,
    outcome: sent.outcome,
  };
  const { verdict, reason } = compareReplay(recorded, replayed, withBody(c).request.body);
  const sentId = o.onSent?.(sent);
  return {
    id: c.id,
    seq: captureNumber(c),
    dialect: c.dialect,
    command: c.command,
    verdict,
    ...(reason !== undefined ? { reason } : {}),
    recorded,
    replayed,
    findings: up?.findings ?? [],
    ...(sentId !== undefined ? { sentId } : {}),
  };
}

/** Re-sends every recorded callback (N at a time) and compares each new answer and outcome with the recorded one. */
export async function replayCaptures(captures: readonly Capture[], o: ReplayOptions): Promise<ReplayReport> {
  const items: ReplayItem[] = new Array(captures.length);
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (next < captures.length) {
      const i = next++;
      const capture = captures[i] as Capture; // i < length
      try {
        items[i] = await replayOne(capture, o);
      } catch (error) {
        // replayOne does not throw on any answer; this keeps one odd capture from ending the whole run.
        items[i] = skipped(capture, `could not be replayed: ${error instanceof Error ? error.message : String(error)}`);
      }
      done++;
      o.onProgress?.(done, captures.length);
    }
  };
  const workers = Math.max(1, Math.min(o.concurrency, captures.length));
  await Promise.all(Array.from({ length: workers }, worker));
  return { to: o.to, summary: summarizeReplay(items), items };
}
