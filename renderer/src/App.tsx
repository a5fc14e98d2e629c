import { type CSSProperties, Suspense, useEffect } from 'react';
import { DetailPane } from './detail/DetailPane.js';
import { ClearConfirm } from './dialogs/ClearConfirm.js';
import { SetupHelp } from './dialogs/SetupHelp.js';
import { ShortcutHelp } from './dialogs/ShortcutHelp.js';
import { useFlows } from './flows/flow-store.js';
import { ListViewTabs } from './flows/ListViewTabs.js';
import { handleShortcut } from './lib/keyboard.js';
import { lazyChunk, preloadChunksWhenIdle } from './lib/lazy-chunk.js';
import { ReplayDialog } from './play/ReplayDialog.js';
import { SendDialog } from './play/SendDialog.js';
import { EmptyState } from './shell/EmptyState.js';
import { PaneSplitter, useSideWidth } from './shell/PaneSplitter.js';
import { ConnectionBanner, EngineNoticesBanner, Notices, PersistenceBanner } from './shell/StatusLayer.js';
import { TopBar } from './shell/TopBar.js';
import { type SidePanel, setState, useApp } from './store/app-store.js';
import { CaptureTable } from './table/CaptureTable.js';
import { FilterBar } from './table/FilterBar.js';

// The rules panel (and the rule checker's regex engine) and the flows view: chunks of their own, fetched when idle.
const RulesPanel = lazyChunk(() => import('./rules/RulesPanel.js').then((m) => m.RulesPanel));
const FlowsView = lazyChunk(() => import('./flows/FlowsView.js').then((m) => m.FlowsView));

function SideTabs() {
  const panel = useApp((s) => s.sidePanel);
  const ruleCount = useApp((s) => s.rules.length);
  const tab = (id: SidePanel, label: string) => (
    <button
      type="button"
      role="tab"
      aria-selected={panel === id}
      className={panel === id ? 'tab active' : 'tab'}
      onClick={() => setState({ sidePanel: id })}
    >
      {label}
    </button>
  );
  return (
    <div className="tabs" role="tablist" aria-label="Side panel">
      {tab('details', 'Details')}
      {tab('rules', `Rules (${ruleCount})`)}
    </div>
  );
}

export function App() {
  const panel = useApp((s) => s.sidePanel);
  const empty = useApp((s) => s.loaded && s.list.rows.length === 0);
  const [sideWidth, setSideWidth] = useSideWidth();
  const listView = useFlows((s) => s.view);
  useEffect(() => {
    window.addEventListener('keydown', handleShortcut);
    return () => window.removeEventListener('keydown', handleShortcut);
  }, []);
  // After the first render: the dialogs' and tabs' code, so none shows its loading line when first opened.
  useEffect(() => preloadChunksWhenIdle(), []);
  return (
    <div className="app">
      <TopBar />
      <ConnectionBanner />
      <PersistenceBanner />
      <EngineNoticesBanner />
      {/* A custom property is not in CSSProperties' keys; the value is a plain length. */}
      <main className="workspace" style={{ '--side-width': `${sideWidth}px` } as CSSProperties}>
        <section className="list-pane" aria-label={listView === 'flows' ? 'Flows' : 'Captures'}>
          <ListViewTabs />
          {listView === 'flows' ? (
            <Suspense fallback={<p className="muted">Loading flows…</p>}>
              <FlowsView />
            </Suspense>
          ) : (
            <>
              <FilterBar />
              {empty ? <EmptyState /> : <CaptureTable />}
            </>
          )}
        </section>
        <PaneSplitter width={sideWidth} onResize={setSideWidth} />
        <aside className="side-pane">
          <SideTabs />
          <div className="side-content" role="tabpanel">
            {panel === 'details' ? (
              <DetailPane />
            ) : (
              <Suspense fallback={<p className="muted">Loading rules…</p>}>
                <RulesPanel />
              </Suspense>
            )}
          </div>
        </aside>
      </main>
      <Notices />
      <SetupHelp />
      <ShortcutHelp />
      <ClearConfirm />
      <SendDialog />
      <ReplayDialog />
    </div>
  );
}
