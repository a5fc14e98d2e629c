import type {
  Capture,
  CaptureSummary,
  Decision,
  DialectOrUnknown,
  Finding,
  SendRequest,
  Settings,
} from '../../../shared/contract/index.js';
import {
  type AnswerCheck,
  buildAnswer,
  buildSampleRequest,
  type CommandInfo,
  checkAnswer,
  type DialectDefaults,
  dialectDefaults,
  findCommand,
  identify,
  lateAnswerFinding,
  sampleCommands,
  tencentTargets,
} from '../../../shared/protocol/index.js';

/**
 * The renderer's window onto protocol knowledge. Every OpenIM/Tencent detail comes from shared/protocol;
 * this file only adapts it to what the UI needs, so no wire field name is spelled in the renderer.
 */
export {
  dialectDefaults,
  OPENIM_PROFILE_GUIDE,
  openimConfigSnippet,
  openimWebhooksYaml,
  tencentCallbackNotes,
  tencentCallbackUrl,
  tencentConsoleSwitches,
} from '../../../shared/protocol/index.js';
export type { CommandInfo, DialectDefaults };

export function commandInfo(summary: Pick<CaptureSummary, 'command' | 'dialect'>): CommandInfo | undefined {
  return summary.command === null ? undefined : findCommand(summary.command, summary.dialect);
}

export function commandTitle(summary: Pick<CaptureSummary, 'command' | 'dialect'>): string {
  return commandInfo(summary)?.title ?? '';
}

/** The sample menu and the Send dialog: every modelled command of both servers that has a sample, in catalogue order. */
export function sampleList(): CommandInfo[] {
  return sampleCommands();
}

export function sampleSend(info: CommandInfo, opts: { sdkAppId: number | null; token: string | null }): SendRequest {
  const req = buildSampleRequest(info, { nowMs: Date.now(), sdkAppId: opts.sdkAppId, token: opts.token });
  return { path: req.path, query: req.query, headers: req.headers, bodyText: req.bodyText };
}

/** Per-target accounts of a Tencent list request (PrevFriendAdd / PrevFriendResponse), in request order. */
export function listTargets(capture: Capture): string[] {
  return capture.dialect === 'tencent' ? tencentTargets(capture.command, capture.request.body) : [];
}

/** The first party of a request (the applicant/owner), as a rule condition path + value. */
export function mainParty(capture: Capture): { path: string; value: string } | null {
  const info = commandInfo(capture);
  const body = capture.request.body;
  if (!info || typeof body !== 'object' || body === null) return null;
  for (const field of info.fields) {
    if (field.type !== 'string') continue;
    const value = (body as Record<string, unknown>)[field.name]; // parsed JSON object, read-only look-up
    if (typeof value === 'string' && value !== capture.command && value !== '') return { path: field.name, value };
  }
  return null;
}

function identifyCapture(capture: Capture) {
  return identify({
    method: capture.request.method,
    path: capture.request.path,
    query: capture.request.query,
    headers: capture.request.headers,
    body: capture.request.body,
  });
}

/** The exact HTTP answer a Decision makes for this request, or null when it sends none (no-response, close, reset). */
export function answerFor(
  capture: Capture,
  decision: Decision,
): { status: number; headers: Record<string, string>; bodyText: string } | null {
  const planned = buildAnswer(identifyCapture(capture), capture.request.body, decision);
  if (planned.action !== 'respond') return null;
  return { status: planned.status, headers: planned.headers, bodyText: planned.bodyText };
}

/** The IM server's timeout for this capture: the one its hold recorded, else the settings' (or their defaults). */
function serverTimeoutMs(capture: Pick<Capture, 'dialect' | 'hold'>, settings: Settings | null): number {
  if (capture.hold) return capture.hold.serverTimeoutMs;
  return capture.dialect === 'tencent'
    ? (settings?.hold.tencentTimeoutMs ?? 2000)
    : (settings?.hold.openimTimeoutMs ?? 5000);
}

/**
 * A capture's Checks: its findings, and the lateness of the answer the IM server got when it left after the server's
 * deadline (the outcome sentence says it came too late; Checks must not say "No problems found"). Not for a fault
 * (no answer to be late), nor twice when the relayed backend answer's checks already say it.
 */
export function captureChecks(capture: Capture, settings: Settings | null): readonly Finding[] {
  const { response, latencyMs } = capture;
  if (!response || response.fault || latencyMs === null || capture.origin === 'sent') return capture.findings;
  const said = (list: readonly Finding[] | undefined) => list?.some((f) => f.code === 'answer-late') ?? false;
  if (said(capture.findings) || (capture.decidedBy === 'upstream' && said(capture.upstream?.findings))) {
    return capture.findings;
  }
  const late = lateAnswerFinding(capture.dialect, latencyMs, serverTimeoutMs(capture, settings));
  return late ? [...capture.findings, late] : capture.findings;
}

/**
 * The protocol core's checks of this exact answer if it were sent now, and what the IM server would do with it: the
 * time already spent counts (a late answer fails), with the chosen server profile.
 */
export function checkSent(
  capture: Capture,
  settings: Settings | null,
  sent: { status: number; bodyText: string },
  nowMs: number,
): AnswerCheck {
  const tencent = capture.dialect === 'tencent';
  const timeout = serverTimeoutMs(capture, settings);
  return checkAnswer({
    dialect: capture.dialect,
    command: capture.command,
    phase: capture.phase,
    requestBody: capture.request.body,
    sent: { action: 'respond', status: sent.status, bodyText: sent.bodyText },
    elapsedMs: Math.max(0, nowMs - capture.receivedAt),
    serverTimeoutMs: timeout,
    profile: tencent
      ? { dialect: 'tencent', policy: settings?.profiles.tencent ?? 'fail-open' }
      : { dialect: 'openim', version: settings?.profiles.openim ?? 'v3.7+' },
  });
}

/** Error-injection preset: the complete answer a deny with this code would be, as editable override fields. */
export function overrideForCode(capture: Capture, code: number, message: string): string {
  const id = identifyCapture(capture);
  const planned = buildAnswer(id, capture.request.body, { verdict: 'deny', code, message });
  try {
    return JSON.stringify(JSON.parse(planned.bodyText), null, 2);
  } catch {
    return planned.bodyText;
  }
}

export function defaultsFor(dialect: DialectOrUnknown): DialectDefaults {
  return dialectDefaults(dialect);
}
