import { useApp } from '../store/app-store.js';
import { dismissNotice } from '../store/notices.js';
import { dismissEngineNotice } from '../store/session-actions.js';

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

/**
 * product.md §4: persistence is never silent. While captures cannot be written to the data dir (disk full,
 * read-only, removed), the window says so, with how many are waiting in memory; afterwards, what was lost.
 */
export function PersistenceBanner() {
  const persistence = useApp((s) => s.persistence);
  if (!persistence) return null;
  const { ok, error, unsaved, dropped, skippedLines } = persistence;
  if (!ok) {
    return (
      <div className="banner banner-error" role="alert">
        Captures are not being saved to disk: {error ?? 'write failed'}. {unsaved} waiting in memory
        {dropped > 0 ? `, ${dropped} dropped` : ''}; retrying, they are written once the disk takes them again.
      </div>
    );
  }
  if (dropped === 0 && skippedLines === 0) return null;
  return (
    <div className="banner banner-info" role="status">
      {dropped > 0 ? `${dropped} captures could not be saved to disk while it was failing. ` : ''}
      {skippedLines > 0 ? `${skippedLines} corrupt line(s) of the capture log were skipped at start.` : ''}
    </div>
  );
}

/**
 * product.md §4 v3: what the engine says about this run — a settings or rules file that did not validate (which file,
 * each problem, where the original was kept), a migrated setting — stays in view until dismissed.
 */
export function EngineNoticesBanner() {
  const notices = useApp((s) => s.engineNotices);
  if (notices.length === 0) return null;
  return (
    <div className="banner banner-info engine-notices" role="status" aria-label="Engine notices">
      <ul>
        {notices.map((notice) => (
          <li key={notice}>{notice}</li>
        ))}
      </ul>
      <button type="button" className="small ghost" onClick={() => notices.forEach(dismissEngineNotice)}>
        Dismiss
      </button>
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
