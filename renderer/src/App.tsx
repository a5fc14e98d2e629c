import { type CSSProperties, useEffect } from 'react';
import { DetailPane } from './detail/DetailPane.js';
import { ClearConfirm } from './layout/ClearConfirm.js';
import { EmptyState } from './layout/EmptyState.js';
import { PaneSplitter, useSideWidth } from './layout/PaneSplitter.js';
import { SetupHelp } from './layout/SetupHelp.js';
import { ShortcutHelp } from './layout/ShortcutHelp.js';
import { ConnectionBanner, EngineNoticesBanner, Notices, PersistenceBanner } from './layout/StatusLayer.js';
import { TopBar } from './layout/TopBar.js';
import { handleShortcut } from './lib/keyboard.js';
import { ReplayDialog } from './play/ReplayDialog.js';
import { SendDialog } from './play/SendDialog.js';
import { RulesPanel } from './rules/RulesPanel.js';
import { type SidePanel, setState, useApp } from './store/app-store.js';
import { CaptureTable } from './table/CaptureTable.js';
import { FilterBar } from './table/FilterBar.js';

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
  useEffect(() => {
    window.addEventListener('keydown', handleShortcut);
    return () => window.removeEventListener('keydown', handleShortcut);
  }, []);
  return (
    <div className="app">
      <TopBar />
      <ConnectionBanner />
      <PersistenceBanner />
      <EngineNoticesBanner />
      {/* A custom property is not in CSSProperties' keys; the value is a plain length. */}
      <main className="workspace" style={{ '--side-width': `${sideWidth}px` } as CSSProperties}>
        <section className="list-pane" aria-label="Captures">
          <FilterBar />
          {empty ? <EmptyState /> : <CaptureTable />}
        </section>
        <PaneSplitter width={sideWidth} onResize={setSideWidth} />
        <aside className="side-pane">
          <SideTabs />
          <div className="side-content" role="tabpanel">
            {panel === 'details' ? <DetailPane /> : <RulesPanel />}
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
