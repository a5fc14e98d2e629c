import { useApp } from '../store/app-store.js';
import { sendSample } from '../store/command-actions.js';
import { SampleMenu } from './SampleMenu.js';

/** No captures yet: how to point a server here, and samples so a demo needs nothing else. */
export function EmptyState() {
  const listener = useApp((s) => s.listener);
  const url = listener?.url ?? '';
  if (listener?.state === 'error') {
    // A taken port is the usual first-run problem: say what is wrong and the one thing that fixes it.
    return (
      <div className="empty-state">
        <h2>The listener is down</h2>
        <p className="empty-problem">
          Nothing can reach <code>{url}</code>: {listener.error ?? 'it could not start'}.
        </p>
        <p>
          Type another port (or 0 for any free port) next to <strong>Port</strong> under Listener at the top and press{' '}
          <strong>Use port</strong>, or stop the program that uses port {listener.port} and start the inspector again.
          Then point the IM server at the new address, or send a sample callback.
        </p>
      </div>
    );
  }
  return (
    <div className="empty-state">
      <h2>Waiting for callbacks</h2>
      <p>
        Point the IM server's callback URL at <code>{url || 'the listener'}</code> (see <em>Setup help</em>), or send a
        sample callback:
      </p>
      <SampleMenu onPick={(info) => void sendSample(info)} />
    </div>
  );
}
