import { useState } from 'react';
import { Field } from '../lib/Field.js';
import { useApp } from '../store/app-store.js';
import { copyListenerUrl, patchSettings } from '../store/command-actions.js';

/** Listener URL, Copy, status; on error a way to pick another port; LAN exposure visibly marked. */
export function ListenerStatus() {
  const listener = useApp((s) => s.listener);
  const online = useApp((s) => s.connection === 'connected');
  const [port, setPort] = useState('');
  if (!listener) return <div className="listener muted">Listener: …</div>;
  // While the engine is unreachable its last listener status is stale: say so instead of "listening".
  const state = online ? listener.state : 'stopped';
  return (
    <div className={`listener listener-${state}`}>
      <span className="listener-label">Listener</span>
      <code className="listener-url" title={listener.url}>
        {listener.url}
      </code>
      <button type="button" className="small keep-size" onClick={() => void copyListenerUrl()}>
        Copy
      </button>
      <span
        className={`badge keep-size badge-${state}`}
        role="status"
        // The error can be long (a host name): one line, cut, the whole text on hover.
        title={state === 'error' ? listener.error : undefined}
      >
        {online ? (state === 'error' ? `down: ${listener.error ?? 'cannot listen'}` : state) : 'engine offline'}
      </span>
      {listener.exposed ? (
        <span className="badge badge-exposed" title="Bound to a non-loopback address: other machines can reach it">
          LAN exposed ({listener.host})
        </span>
      ) : null}
      {state === 'error' ? (
        <form
          className="port-form"
          onSubmit={(e) => {
            e.preventDefault();
            const value = Number(port);
            if (Number.isInteger(value) && value >= 0 && value <= 65_535)
              void patchSettings({ listener: { port: value } });
          }}
        >
          <Field label="Port" className="field inline">
            <input
              inputMode="numeric"
              size={6}
              value={port}
              placeholder="0 = any"
              onChange={(e) => setPort(e.target.value)}
            />
          </Field>
          <button type="submit" className="small">
            Use port
          </button>
        </form>
      ) : null}
    </div>
  );
}
