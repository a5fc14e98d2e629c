import { type ListView, setListView, useFlows } from './flow-store.js';

/** Captures | Flows above the list pane: the detail pane stays beside either. */
export function ListViewTabs() {
  const view = useFlows((s) => s.view);
  const count = useFlows((s) => s.flows.size);
  const tab = (id: ListView, label: string) => (
    <button
      type="button"
      role="tab"
      aria-selected={view === id}
      className={view === id ? 'tab active' : 'tab'}
      onClick={() => setListView(id)}
    >
      {label}
    </button>
  );
  return (
    <div className="tabs list-tabs" role="tablist" aria-label="List view">
      {tab('captures', 'Captures')}
      {tab('flows', `Flows (${count})`)}
    </div>
  );
}
