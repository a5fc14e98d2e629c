import { useApp } from '../store/app-store.js';
import { dismissNotice } from '../store/notices.js';

/** Engine connection problems: visible, and gone by themselves once the stream is back. */
export function ConnectionBanner() {
  const connection = useApp((s) => s.connection);
  const error = useApp((s) => s.connectionError);
  const loaded = useApp((s) => s.loaded);
  if (connection === 'connected' && !error) return null;
  if (connection === 'connecting' && !loaded)
    return (
      <div className="banner banner-info" role="status">
        Connecting to the engine…
      </div>
    );
  return (
    <div className={`banner ${connection === 'disconnected' ? 'banner-error' : 'banner-info'}`} role="alert">
      {connection === 'disconnected' ? 'Disconnected from the engine: ' : ''}
      {error ?? 'reconnecting…'}
    </div>
  );
}

export function Notices() {
  const notices = useApp((s) => s.notices);
  return (
    <div className="notices" role="status" aria-live="polite">
      {notices.map((n) => (
        <div key={n.id} className={`notice notice-${n.kind}`}>
          <span>{n.text}</span>
          {n.action ? (
            <button
              type="button"
              className="small"
              onClick={() => {
                dismissNotice(n.id);
                n.action?.run();
              }}
            >
              {n.action.label}
            </button>
          ) : null}
          <button type="button" className="small ghost" onClick={() => dismissNotice(n.id)}>
            Dismiss
          </button>
        </div>
      ))}
    </div>
  );
}
