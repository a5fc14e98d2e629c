import { useState } from 'react';
import type { Capture, Decision } from '../../../shared/contract/index.js';
import { proposalDecision } from '../lib/answer-diff.js';
import { prettyJson } from '../lib/format.js';
import { useApp } from '../store/app-store.js';
import { sendExactAnswer } from '../store/upstream-actions.js';
import { AnswerFindings, LatencyBar, OutcomeLine, serverTimeoutFor } from './UpstreamSection.js';

type Raw = NonNullable<Decision['raw']>;

/**
 * A small exact-answer editor for the backend's proposal: status and body, the backend's headers kept.
 * (The window's full raw answer editor can take its place: it takes the same initial answer and sends Decision.raw.)
 */
function ProposalEditor({ initial, onDone }: { initial: Raw; onDone: () => void }) {
  const [status, setStatus] = useState(String(initial.status));
  const [body, setBody] = useState(prettyJson(initial.bodyText));
  const [error, setError] = useState<string | null>(null);
  const statusOk = /^[1-5]\d\d$/.test(status.trim());
  let jsonNote: string | null = null;
  try {
    JSON.parse(body);
  } catch (e) {
    jsonNote = `Not JSON (${(e as Error).message}): the IM server will count this as a format error.`;
  }
  const send = async (): Promise<void> => {
    if (!statusOk) {
      setError('The status must be a number from 100 to 599.');
      return;
    }
    const result = await sendExactAnswer({ ...initial, status: Number(status.trim()), bodyText: body });
    if (result === null) onDone();
    else setError(result);
  };
  return (
    <div className="proposal-editor">
      <label className="field">
        <span className="field-label">Status</span>
        <input
          inputMode="numeric"
          value={status}
          aria-invalid={!statusOk}
          onChange={(e) => {
            setStatus(e.target.value);
            setError(null);
          }}
        />
      </label>
      <label className="field field-wide">
        <span className="field-label">Body to send</span>
        <textarea
          className="mono"
          rows={8}
          spellCheck={false}
          value={body}
          onChange={(e) => {
            setBody(e.target.value);
            setError(null);
          }}
        />
      </label>
      {jsonNote ? <p className="finding finding-warning">{jsonNote}</p> : null}
      <div className="send-row">
        <button type="button" className="primary" onClick={() => void send()}>
          Send edited answer
        </button>
        <button type="button" onClick={onDone}>
          Cancel edit
        </button>
        {error ? (
          <p className="send-error" role="alert">
            {error}
          </p>
        ) : null}
      </div>
    </div>
  );
}

/** Held in upstream mode: the backend's answer as the proposal — send it as is, edit it, or replace it below. */
export function UpstreamProposal({ capture }: { capture: Capture }) {
  const forwarding = useApp((s) => s.settings?.upstream.url != null);
  // Two primitive selections: a selector returning a fresh object would re-render forever.
  const openim = useApp((s) => s.settings?.hold.openimTimeoutMs ?? 5000);
  const tencent = useApp((s) => s.settings?.hold.tencentTimeoutMs ?? 2000);
  const timeouts = { openim, tencent };
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const exchange = capture.upstream;
  if (!exchange) {
    if (!forwarding) return null;
    return (
      <section className="upstream-proposal" aria-label="Backend proposal">
        <h3>Your backend's answer</h3>
        <p className="muted">Forwarded to your backend; waiting for its answer…</p>
      </section>
    );
  }
  const proposal = proposalDecision(capture);
  const replace = (): void => {
    setEditing(false);
    document.querySelector<HTMLElement>('.decision-panel .verdict')?.focus();
  };
  return (
    <section className="upstream-proposal" aria-label="Backend proposal">
      <h3>Your backend proposes</h3>
      <p className="mono">
        {exchange.status !== null ? `HTTP ${exchange.status}` : 'no answer'}
        {exchange.error ? ` — ${exchange.error}` : ''}
      </p>
      {exchange.latencyMs !== null ? (
        <LatencyBar latencyMs={exchange.latencyMs} timeoutMs={serverTimeoutFor(capture, timeouts)} />
      ) : null}
      {exchange.outcome ? <OutcomeLine outcome={exchange.outcome} /> : null}
      <AnswerFindings findings={exchange.findings} label="Backend answer checks" />
      {proposal?.raw && !editing ? (
        <pre className="code-block" title="Proposed body">
          {prettyJson(proposal.raw.bodyText)}
        </pre>
      ) : null}
      {proposal?.raw && editing ? <ProposalEditor initial={proposal.raw} onDone={() => setEditing(false)} /> : null}
      {!editing ? (
        <div className="send-row">
          {proposal?.raw ? (
            <>
              <button
                type="button"
                className="primary"
                onClick={() => {
                  const raw = proposal.raw;
                  if (raw) void sendExactAnswer(raw).then(setError);
                }}
              >
                Send as is
              </button>
              <button type="button" onClick={() => setEditing(true)}>
                Edit
              </button>
            </>
          ) : (
            <p className="muted">No answer to send: the fallback applies at the deadline unless you decide below.</p>
          )}
          <button type="button" onClick={replace}>
            Replace
          </button>
          {error ? (
            <p className="send-error" role="alert">
              {error}
            </p>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
