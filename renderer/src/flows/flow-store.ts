import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { EngineEvent, Flow } from '../../../shared/contract/index.js';
import { client } from '../store/client-ref.js';

/** What the list pane shows: the capture table or the flows. */
export type ListView = 'captures' | 'flows';

/** Flows and the Flows view's own state, apart from the main store: only the Flows view reads it. */
export interface FlowState {
  view: ListView;
  /** By key; the view sorts by latest activity. */
  flows: ReadonlyMap<string, Flow>;
  selectedKey: string | null;
  /** The engine did not answer `GET /api/flows` (an engine before v3): said in the view. */
  error: string | null;
}

/** Flows kept in the window (the latest; the engine keeps more, `GET /api/flows` pages them). */
export const FLOW_LIST_LIMIT = 1_000;

export const flowStore = createStore<FlowState>()(() => ({
  view: 'captures',
  flows: new Map(),
  selectedKey: null,
  error: null,
}));

export function useFlows<T>(selector: (state: FlowState) => T): T {
  return useStore(flowStore, selector);
}

export function setListView(view: ListView): void {
  flowStore.setState({ view });
}

export function selectFlow(key: string | null): void {
  flowStore.setState({ selectedKey: key });
}

/** After (re)connecting: the latest flows. */
export async function loadFlows(): Promise<void> {
  try {
    const { items } = await client().call('listFlows', { query: { limit: FLOW_LIST_LIMIT } });
    flowStore.setState({ flows: new Map(items.map((f) => [f.key, f])), error: null });
  } catch (error) {
    flowStore.setState({ error: error instanceof Error ? error.message : String(error) });
  }
}

/** The flow events of one animation frame, in one update (called from the event funnel, applyEvents). */
export function applyFlowEvents(events: readonly EngineEvent[]): void {
  let flows: Map<string, Flow> | null = null;
  let selectedKey = flowStore.getState().selectedKey;
  for (const event of events) {
    if (event.type === 'flows.cleared') {
      flows = new Map();
      selectedKey = null;
    } else if (event.type === 'flow.updated') {
      flows ??= new Map(flowStore.getState().flows);
      flows.set(event.flow.key, event.flow);
    }
  }
  if (flows === null) return;
  if (flows.size > FLOW_LIST_LIMIT) {
    const oldest = [...flows.values()].sort((a, b) => a.lastAt - b.lastAt).slice(0, flows.size - FLOW_LIST_LIMIT);
    for (const flow of oldest) if (flow.key !== selectedKey) flows.delete(flow.key);
  }
  flowStore.setState({ flows, selectedKey });
}
