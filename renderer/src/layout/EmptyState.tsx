import { useApp } from '../store/app-store.js';
import { SampleButtons } from './SampleButtons.js';

/** No captures yet: how to point a server here, and samples so a demo needs nothing else. */
export function EmptyState() {
  const url = useApp((s) => s.listener?.url ?? '');
  return (
    <div className="empty-state">
      <h2>Waiting for callbacks</h2>
      <p>
        Point the IM server's callback URL at <code>{url || 'the listener'}</code> (see <em>Setup help</em>), or send a
        sample callback:
      </p>
      <SampleButtons />
    </div>
  );
}
