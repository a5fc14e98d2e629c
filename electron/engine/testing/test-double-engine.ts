import {
  type Capture,
  type CaptureListResponse,
  type CaptureQuery,
  type CaptureSummary,
  DEFAULT_SETTINGS,
  type Decision,
  type EngineEvent,
  type ImportResponse,
  type ListenerStatus,
  type Rule,
  type RuleWithStats,
  type SendRequest,
  type Settings,
} from '../../../shared/contract/index.js';
import type { DecideResult, EngineApi } from '../engine-api.js';

/**
 * TEST DOUBLE — an in-memory EngineApi for the control server's tests. It has no listener, rules engine or
 * hold queue: it stores what it is given and records calls, so route and security behaviour can be tested
 * without the engine core. Never used by product code.
 */
export interface FakeEngine extends EngineApi {
  captures: Capture[];
  rules: Rule[];
  settings: Settings;
  sent: SendRequest[];
  decisions: { id: string; decision: Decision; by: 'person' | 'api' }[];
  /** Delivers an event to subscribers, as the engine would. */
  emit(event: EngineEvent): void;
  subscriberCount(): number;
}

export function toSummary(capture: Capture): CaptureSummary {
  const { bodyText: _text, body: _body, ...request } = capture.request;
  const response = capture.response ? { status: capture.response.status, headers: capture.response.headers } : null;
  return { ...capture, request, response, summary: { parties: '', text: capture.command ?? '' } };
}

let nextId = 1;

export function makeCapture(overrides: Partial<Capture> = {}): Capture {
  const n = nextId++;
  const body = { callbackCommand: 'callbackBeforeAddFriendCommand', fromUserID: 'user123', toUserID: 'user456' };
  const bodyText = JSON.stringify(body);
  return {
    id: `cap-${n}`,
    seq: n,
    receivedAt: 1_763_900_000_000 + n,
    dialect: 'openim',
    command: 'callbackBeforeAddFriendCommand',
    phase: 'before',
    state: 'answered',
    decidedBy: 'default',
    request: {
      method: 'POST',
      url: '/callbackExample/callbackBeforeAddFriendCommand',
      path: '/callbackExample/callbackBeforeAddFriendCommand',
      query: {},
      headers: { host: '127.0.0.1:10006', 'content-type': 'application/json; charset=utf-8' },
      bodyText,
      body,
    },
    findings: [{ level: 'info', code: 'sample', message: 'a finding' }],
    decision: { verdict: 'allow' },
    response: {
      status: 200,
      headers: { 'content-type': 'application/json; charset=utf-8' },
      bodyText: '{"actionCode":0,"errCode":0,"errMsg":"","errDlt":"","nextCode":0}',
    },
    latencyMs: 3,
    outcome: { effect: 'proceeds', explanation: 'The server proceeds.' },
    hold: null,
    identifiedBy: 'path',
    ...overrides,
  };
}

export function createFakeEngine(
  initial: Partial<Pick<FakeEngine, 'captures' | 'rules' | 'settings'>> = {},
): FakeEngine {
  const subscribers = new Set<(event: EngineEvent) => void>();
  const status = (): ListenerStatus => ({
    state: 'listening',
    url: `http://${fake.settings.listener.host}:${fake.settings.listener.port}`,
    host: fake.settings.listener.host,
    port: fake.settings.listener.port,
    exposed: false,
  });
  const fake: FakeEngine = {
    version: '9.9.9-test',
    captures: initial.captures ?? [],
    rules: initial.rules ?? [],
    settings: initial.settings ?? structuredClone(DEFAULT_SETTINGS),
    sent: [],
    decisions: [],
    listenerStatus: status,
    upstreamStatus: () => ({ url: fake.settings.upstream.url, state: fake.settings.upstream.url ? 'unknown' : 'off' }),
    listCaptures(query: CaptureQuery): CaptureListResponse {
      const matching = fake.captures
        .filter(
          (c) => (query.before === undefined || c.seq < query.before) && (!query.state || c.state === query.state),
        )
        .filter((c) => !query.command || c.command === query.command)
        .reverse();
      return { items: matching.slice(0, query.limit).map(toSummary), total: matching.length };
    },
    getCapture: (id) => fake.captures.find((c) => c.id === id),
    clearCaptures() {
      fake.captures = [];
      fake.emit({ type: 'captures.cleared' });
    },
    // Flows need the real engine (engine/flows tests).
    listFlows: () => [],
    allCaptures: () => [...fake.captures],
    importCaptures(captures): ImportResponse {
      for (const c of captures) fake.captures.push({ ...c, id: `imp-${nextId++}`, imported: true });
      return { imported: captures.length, skipped: 0, duplicates: 0 };
    },
    decide(id, decision, by): DecideResult {
      const capture = fake.getCapture(id);
      if (!capture) return { ok: false, reason: 'not-found' };
      if (capture.state !== 'held') return { ok: false, reason: 'not-held' };
      fake.decisions.push({ id, decision, by });
      capture.state = 'answered';
      capture.decision = decision;
      capture.decidedBy = by;
      fake.emit({ type: 'capture.updated', capture: toSummary(capture) });
      return { ok: true, capture };
    },
    persistenceStatus: () => ({ ok: true, unsaved: 0, dropped: 0, skippedLines: 0 }),
    getRules: (): RuleWithStats[] => fake.rules.map((r) => ({ ...r, hits: 0, remaining: r.times })),
    async setRules(rules) {
      fake.rules = rules;
      fake.emit({ type: 'rules.changed', rules: fake.getRules() });
    },
    getSettings: () => fake.settings,
    async updateSettings(next) {
      fake.settings = next;
      fake.emit({ type: 'settings.changed', settings: next });
    },
    resend(request) {
      fake.sent.push(request);
    },
    // Playing the server needs the real engine (engine.test.ts, play-server.test.ts).
    playServer: async () => ({ ok: false, message: 'not supported by the test double' }),
    replay: async () => ({ ok: false, message: 'not supported by the test double' }),
    subscribe(listener) {
      subscribers.add(listener);
      return () => subscribers.delete(listener);
    },
    emit(event) {
      for (const s of subscribers) s(event);
    },
    subscriberCount: () => subscribers.size,
  };
  return fake;
}
