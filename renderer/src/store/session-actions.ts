import type { CaptureSummary, EngineEvent } from '../../../shared/contract/index.js';
import { applyFlowEvents, loadFlows } from '../flows/flow-store.js';
import { getState, setState } from './app-store.js';
import { emptyList, oldestSeq, prependOlder, upsertSummaries } from './capture-list.js';
import { client } from './client-ref.js';
import { refreshSelected } from './selection-actions.js';

/** Newest page first for a fast first paint, then older pages in the background. */
export const FIRST_PAGE = 2000;
export const BACKFILL_PAGE = 5000;

/** Engine notices the person dismissed (a reconnect reloads health; a dismissed notice stays dismissed). */
const dismissedNotices = new Set<string>();

/** Hides one engine notice for the life of this window. */
export function dismissEngineNotice(notice: string): void {
  dismissedNotices.add(notice);
  setState({ engineNotices: getState().engineNotices.filter((n) => n !== notice) });
}

// Bumped on every reload/clear so an in-flight backfill from an older generation stops writing.
let generation = 0;
let buffering = false;
let buffered: EngineEvent[] = [];

/** After the event socket (re)opened: refetch everything; events that arrive meanwhile are replayed after. */
export async function reloadAll(): Promise<void> {
  const gen = ++generation;
  buffering = true;
  buffered = [];
  setState({ loaded: false });
  const api = client();
  const [health, settings, rules, page] = await Promise.all([
    api.health(),
    api.getSettings(),
    api.getRules(),
    api.listCaptures({ limit: FIRST_PAGE }),
  ]);
  if (gen !== generation) return;
  const list = upsertSummaries(emptyList(), page.items);
  const selectedId = getState().selectedId;
  setState({
    version: health.version,
    engineNotices: (health.notices ?? []).filter((n) => !dismissedNotices.has(n)),
    listener: health.status,
    // An engine from before upstream mode has no upstream status.
    upstream: health.upstream ?? null,
    // An engine older than the persistence report answers without it: nothing to warn about.
    persistence: health.persistence ?? null,
    settings,
    rules,
    list,
    total: page.total,
    loaded: true,
    selectedId: selectedId !== null && list.index.has(selectedId) ? selectedId : null,
  });
  buffering = false;
  const replay = buffered;
  buffered = [];
  applyEvents(replay);
  if (getState().selectedId !== null) refreshSelected();
  if (page.total > page.items.length) void backfill(gen);
  void loadFlows();
}

async function backfill(gen: number): Promise<void> {
  setState({ backfilling: true });
  try {
    // Bounded: at most the engine's capture limit divided by the page size, plus slack.
    for (let round = 0; round < 1000; round++) {
      const before = oldestSeq(getState().list);
      if (before === null || gen !== generation) return;
      const page = await client().listCaptures({ limit: BACKFILL_PAGE, before });
      if (gen !== generation) return;
      if (page.items.length === 0) return;
      setState({ list: prependOlder(getState().list, page.items) });
      // Let the browser paint and handle input between chunks.
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  } finally {
    if (gen === generation) setState({ backfilling: false });
  }
}

/** Invalidate loads in flight (connection lost). */
export function abortLoads(): void {
  generation++;
  buffering = false;
  buffered = [];
}

/** One animation frame's worth of engine events, applied in one store update. */
export function applyEvents(events: readonly EngineEvent[]): void {
  if (events.length === 0) return;
  if (buffering) {
    buffered.push(...events);
    return;
  }
  let { list, total, rules, settings, listener, upstream, persistence, selectedId } = getState();
  let pending: CaptureSummary[] = [];
  let cleared = false;
  let selectedChanged = false;
  let flowEvents = false;
  const flush = (): void => {
    if (pending.length === 0) return;
    const before = list.rows.length;
    list = upsertSummaries(list, pending);
    total += list.rows.length - before;
    pending = [];
  };
  for (const event of events) {
    switch (event.type) {
      case 'capture.added':
      case 'capture.updated':
        pending.push(event.capture);
        if (event.capture.id === selectedId) selectedChanged = true;
        break;
      case 'captures.cleared':
        pending = [];
        list = emptyList();
        total = 0;
        selectedId = null;
        cleared = true;
        generation++;
        break;
      case 'rules.changed':
        rules = event.rules;
        break;
      case 'settings.changed':
        settings = event.settings;
        break;
      case 'listener.status':
        listener = event.status;
        break;
      case 'upstream.status':
        upstream = event.status;
        break;
      case 'persistence.status':
        persistence = event.status;
        break;
      case 'flow.updated':
      case 'flows.cleared':
        flowEvents = true;
        break;
    }
  }
  flush();
  if (flowEvents) applyFlowEvents(events);
  setState({
    list,
    total,
    rules,
    settings,
    listener,
    upstream,
    persistence,
    selectedId,
    ...(cleared ? { selected: null, backfilling: false } : {}),
  });
  if (selectedChanged && !cleared) refreshSelected();
}
