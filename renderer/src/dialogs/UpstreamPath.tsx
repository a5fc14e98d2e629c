import { useApp } from '../store/app-store.js';

/** Setup help: the path a callback takes in upstream mode, IM server → inspector → the developer's backend. */
export function UpstreamPath() {
  const listenerUrl = useApp((s) => s.listener?.url ?? 'http://127.0.0.1:10006');
  const upstream = useApp((s) => s.settings?.upstream.url ?? null);
  const backend = upstream ?? 'your backend (not set)';
  return (
    <section aria-label="Upstream mode">
      <h3>In front of your own backend (upstream mode)</h3>
      <figure className="upstream-path">
        <ol aria-label="Callback path">
          <li className="path-node">
            <strong>IM server</strong>
            <span className="muted">OpenIM / Tencent</span>
          </li>
          <li className="path-node path-inspector">
            <strong>Callback Inspector</strong>
            <code>{listenerUrl}</code>
            <span className="muted">shows, checks, can hold and edit</span>
          </li>
          <li className={`path-node${upstream ? '' : ' path-unset'}`}>
            <strong>Your app backend</strong>
            <code>{backend}</code>
          </li>
        </ol>
        <figcaption>
          The IM server calls the inspector; the inspector forwards each callback exactly (OpenIM: backend URL +{' '}
          <code>/&lt;command&gt;</code>; Tencent: backend URL + the original query) and relays the backend's answer
          unchanged, waiting as long as the IM server would.
        </figcaption>
      </figure>
      {upstream ? null : (
        <p>
          Set the backend with <strong>Forward to backend…</strong> in the top bar, or start with{' '}
          <code>callback-inspector serve --upstream http://127.0.0.1:8080/callback</code>.
        </p>
      )}
    </section>
  );
}
