import type { Capture, Dialect, Phase, SendToBackend, Settings } from '../../../shared/contract/index.js';
import { OPENIM_PROFILES, TENCENT_PROFILES } from '../../../shared/contract/index.js';
import {
  buildServerRequest,
  checkAnswer,
  findCommand,
  guessPhase,
  identify,
  type OutcomeInput,
  type ServerProfile,
  type ServerRequest,
  serverCommandName,
  unknownCommandText,
  validate,
} from '../../../shared/protocol/index.js';
import {
  decodedBody,
  type ExchangeFailureKind,
  exchange,
  flatHeaders,
  headerRecord,
  INFLATES_TOO_FAR,
} from './http-exchange.js';

/** Tencent's callback timeout is fixed (protocols.md B.1); prediction uses it whatever the hold settings say. */
export const TENCENT_TIMEOUT_MS = 2_000;

/** A play request (`POST /api/send` v2, CLI `send`) with every default filled in from the settings. */
export interface ResolvedPlay {
  to: string;
  dialect: Dialect;
  command: string;
  body: unknown;
  profile: ServerProfile;
  timeoutMs: number;
  sdkAppId: number | null;
  token: string | null;
  operationId?: string;
}

/** `unknown-command`: the name is not in the catalogue (or not of the dialect asked for); the message names the closest. */
export type Resolved = { ok: true; play: ResolvedPlay } | { ok: false; message: string; code?: 'unknown-command' };

const isOneOf = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value);

const DIALECT_NAMES: Record<Dialect, string> = { openim: 'OpenIM', tencent: 'Tencent' };

/**
 * Fills in dialect, profile, timeout and Tencent credentials. A command the catalogue does not know is refused, naming
 * the closest known one (issue 21 item 4: a misspelt name would be sent as is and its outcome guessed from the name),
 * and so is a command of the other dialect or a profile of the other dialect.
 */
export function resolvePlay(input: SendToBackend, settings: Settings): Resolved {
  const info = findCommand(input.command);
  if (!info) return { ok: false, code: 'unknown-command', message: unknownCommandText(input.command) };
  const dialect = input.dialect ?? info.dialect;
  if (dialect !== info.dialect) {
    return {
      ok: false,
      code: 'unknown-command',
      message: `${input.command} is ${info.dialect === 'openim' ? 'an' : 'a'} ${DIALECT_NAMES[info.dialect]} command, not a ${DIALECT_NAMES[dialect]} one: leave out dialect or use a ${DIALECT_NAMES[dialect]} command.`,
    };
  }
  let profile: ServerProfile;
  if (dialect === 'openim') {
    const version = input.profile ?? settings.profiles.openim;
    if (!isOneOf(OPENIM_PROFILES, version)) {
      return { ok: false, message: `profile "${version}" is not an OpenIM version (${OPENIM_PROFILES.join(', ')})` };
    }
    profile = { dialect: 'openim', version };
  } else {
    const policy = input.profile ?? settings.profiles.tencent;
    if (!isOneOf(TENCENT_PROFILES, policy)) {
      return { ok: false, message: `profile "${policy}" is not a Tencent policy (${TENCENT_PROFILES.join(', ')})` };
    }
    profile = { dialect: 'tencent', policy };
  }
  const tencent = input.tencent;
  return {
    ok: true,
    play: {
      to: input.to,
      dialect,
      command: input.command,
      body: input.body,
      profile,
      timeoutMs: input.timeoutMs ?? (dialect === 'openim' ? settings.hold.openimTimeoutMs : TENCENT_TIMEOUT_MS),
      sdkAppId: tencent?.sdkAppId !== undefined ? tencent.sdkAppId : settings.tencent.sdkAppId,
      token: tencent?.token !== undefined ? tencent.token : settings.tencent.token,
      ...(input.operationId !== undefined ? { operationId: input.operationId } : {}),
    },
  };
}

/** Answer bodies beyond this are cut (and the exchange fails `too-large`). */
const MAX_ANSWER_BYTES = 8 * 1_048_576;

type Played =
  | {
      ok: true;
      status: number;
      headers: Record<string, string>;
      bodyText: string;
      latencyMs: number;
      /** A compressed answer inflated only as far as MAX_DECODED_BYTES (a decompression bomb). */
      truncated?: true;
    }
  | { ok: false; kind: ExchangeFailureKind; error: string; latencyMs: number };

/** Plays one request as the IM server's Go client would: the whole answer, inflated, or why none came. */
async function play(request: ServerRequest, timeoutMs: number): Promise<Played> {
  const { url, method, headers, bodyText } = request;
  const result = await exchange({
    url,
    method,
    headers: flatHeaders(headers),
    body: bodyText,
    timeoutMs,
    maxBodyBytes: MAX_ANSWER_BYTES,
    retryStale: true,
  });
  const latencyMs = Math.round(result.latencyMs * 10) / 10;
  if (!result.ok) {
    const { kind, message } = result.failure;
    return { ok: false, kind, error: message, latencyMs: kind === 'timeout' ? timeoutMs : latencyMs };
  }
  const { status, rawHeaders, body } = result.answer;
  const decoded = await decodedBody(rawHeaders, body);
  if (!decoded) return { ok: false, kind: 'error', error: 'the compressed answer could not be inflated', latencyMs };
  const text = decoded.body.toString('utf8');
  const played = { ok: true as const, status, headers: headerRecord(rawHeaders), bodyText: text, latencyMs };
  return decoded.truncated ? { ...played, truncated: true } : played;
}

/** What the IM server saw: the answer, or the kind of failure its client reports. */
/** What the played server got; a failure keeps the words it was seen as ("connection refused"), not a fault name. */
function sentOf(result: Played): OutcomeInput['sent'] {
  if (result.ok) return { action: 'respond', status: result.status, bodyText: result.bodyText };
  // A timeout is the server's own "no answer" (its words would only repeat it).
  if (result.kind === 'timeout') return { action: 'no-response' };
  const error = result.error;
  if (result.kind === 'reset' || result.kind === 'closed' || result.kind === 'too-large') {
    return { action: 'reset', error };
  }
  return { action: 'close', error };
}

export interface PlayMeta {
  dialect: Dialect;
  command: string;
  profile: ServerProfile;
  timeoutMs: number;
  /** For the request checks: the Tencent SdkAppid and token the backend is expected to check. */
  sdkAppId: number | null;
  token: string | null;
  nowMs: number;
}

function parsed(text: string): { body?: unknown; parseError?: string } {
  try {
    return { body: JSON.parse(text) as unknown };
  } catch (err) {
    return { parseError: err instanceof Error ? err.message : String(err) };
  }
}

/**
 * Sends one server request and records the exchange as a capture (`origin: "sent"`, id and seq left for the store):
 * the exact request in `request`, the backend's answer in `response` and `upstream`, with the answer's findings and
 * the predicted outcome.
 */
export async function playRequest(request: ServerRequest, meta: PlayMeta): Promise<Capture> {
  const result = await play(request, meta.timeoutMs);
  const { body, parseError } = parsed(request.bodyText);
  const info = findCommand(meta.command, meta.dialect);
  const phase: Phase = info?.phase ?? guessPhase(meta.command);
  const check = checkAnswer({
    dialect: meta.dialect,
    command: meta.command,
    phase,
    requestBody: body,
    sent: sentOf(result),
    elapsedMs: result.latencyMs,
    serverTimeoutMs: meta.timeoutMs,
    profile: meta.profile,
  });
  const incoming = { method: 'POST', path: request.path, query: request.query, headers: request.headers, body };
  const id = identify(incoming);
  // The request checks a listener would make: they catch a body that does not match the command's fields.
  const findings = validate({ ...incoming, bodyText: request.bodyText, ...(parseError ? { parseError } : {}) }, id, {
    sdkAppId: meta.sdkAppId,
    token: meta.token,
    maxClockSkewS: 60,
    nowMs: meta.nowMs,
  });
  const answer = result.ok ? { status: result.status, headers: result.headers, bodyText: result.bodyText } : null;
  return {
    id: '',
    seq: 0,
    receivedAt: meta.nowMs,
    dialect: meta.dialect,
    command: meta.command,
    phase,
    state: result.ok ? 'answered' : 'failed',
    decidedBy: 'upstream',
    request: {
      method: 'POST',
      url: request.url,
      path: request.path.replace(/\?.*$/, ''),
      query: request.query,
      headers: request.headers,
      bodyText: request.bodyText,
      ...(body !== undefined ? { body } : {}),
      ...(parseError !== undefined ? { parseError } : {}),
    },
    findings,
    decision: null,
    response: answer,
    latencyMs: result.latencyMs,
    outcome: check.outcome,
    hold: null,
    identifiedBy: id.via,
    origin: 'sent',
    upstream: {
      url: request.url,
      status: answer?.status ?? null,
      headers: answer?.headers ?? {},
      bodyText: answer?.bodyText ?? '',
      ...(result.ok && result.truncated ? { truncated: true } : {}),
      latencyMs: result.latencyMs,
      ...(result.ok ? {} : { error: result.error }),
      findings: result.ok && result.truncated ? [INFLATES_TOO_FAR, ...check.findings] : check.findings,
      outcome: check.outcome,
    },
  };
}

/** `POST /api/send` v2 and `callback-inspector send`: one callback played to a backend. */
export function playCallback(play: ResolvedPlay, nowMs = Date.now()): Promise<Capture> {
  const request = buildServerRequest({
    to: play.to,
    dialect: play.dialect,
    command: play.command,
    body: play.body,
    profile: play.profile,
    nowMs,
    sdkAppId: play.sdkAppId,
    token: play.token,
    ...(play.operationId !== undefined ? { operationId: play.operationId } : {}),
  });
  // The capture names the command as this server version sent it (before v3.7 some had other names).
  return playRequest(request, { ...play, command: serverCommandName(play.command, play.profile), nowMs });
}
