import { useState } from 'react';
import { type UpstreamStatus as Status, upstreamUrlProblem } from '../../../shared/contract/index.js';
import { Field } from '../lib/Field.js';
import { formatLatency } from '../lib/format.js';
import { rememberedUrl } from '../play/play-store.js';
import { useApp } from '../store/app-store.js';
import { patchSettings } from '../store/command-actions.js';
import { saveUpstreamUrl } from '../store/upstream-actions.js';

const STATE_TEXT: Record<Status['state'], string> = {
  off: 'off',
  unknown: 'not tried yet',
  reachable: 'reachable',
  answering: 'answering',
  failing: 'not answering',
};

function statusText(status: Status): string {
  if (status.state === 'failing') return `not answering: ${status.error ?? 'no answer'}`;
  if (status.state === 'answering' && status.latencyMs !== undefined) {
    return `answering (${formatLatency(status.latencyMs)})`;
  }
  return STATE_TEXT[status.state];
}

/** Top bar: the backend callbacks are forwarded to (upstream mode), whether it answers, and a way to set it. */
export function UpstreamStatus() {
  const status = useApp((s) => s.upstream);
  const configured = useApp((s) => s.settings?.upstream.url ?? null);
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const url = status?.url ?? configured;
  const start = (): void => {
    setText(url ?? rememberedUrl());
    setError(null);
    setEditing(true);
  };
  if (editing) {
    return (
      <form
        className="upstream upstream-form"
        aria-label="Upstream backend"
        onSubmit={(e) => {
          e.preventDefault();
          const value = text.trim();
          const problem = value === '' ? null : upstreamUrlProblem(value);
          if (problem !== null) {
            setError(problem);
            return;
          }
          void saveUpstreamUrl(value === '' ? null : value).then((problem) => {
            if (problem === null) setEditing(false);
            else setError(problem);
          });
        }}
      >
        <Field label="Backend URL" className="field inline">
          <input
            value={text}
            size={34}
            spellCheck={false}
            aria-invalid={error !== null}
            aria-describedby={error ? 'upstream-error' : undefined}
            placeholder="empty = answer here, do not forward"
            onChange={(e) => {
              setText(e.target.value);
              setError(null);
            }}
          />
        </Field>
        <button type="submit" className="small">
          Forward
        </button>
        <button type="button" className="small" onClick={() => setEditing(false)}>
          Cancel
        </button>
        {error ? (
          <span id="upstream-error" className="field-error" role="alert">
            {error}
          </span>
        ) : null}
      </form>
    );
  }
  if (url === null || !status || status.state === 'off') {
    return (
      <div className="upstream upstream-off">
        <button type="button" className="small" onClick={start} title="Forward callbacks to your app backend">
          Forward to backend…
        </button>
      </div>
    );
  }
  return (
    <div className={`upstream upstream-${status.state}`}>
      <span className="listener-label">Upstream</span>
      <code className="listener-url" title={url}>
        {url}
      </code>
      <span className={`badge keep-size badge-upstream-${status.state}`} role="status" aria-label="Upstream status">
        {statusText(status)}
      </span>
      <button type="button" className="small keep-size" onClick={start}>
        Change
      </button>
      {/* "Stop", not "Stop forwarding": at 1024 px the backend URL needs the room (its name says the rest). */}
      <button
        type="button"
        className="small keep-size"
        aria-label="Stop forwarding"
        title="Stop forwarding: answer callbacks here again"
        onClick={() => void patchSettings({ upstream: { url: null } })}
      >
        Stop
      </button>
    </div>
  );
}
