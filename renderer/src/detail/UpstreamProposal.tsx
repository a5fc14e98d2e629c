import { useState } from 'react';
import type { Capture } from '../../../shared/contract/index.js';
import { proposalDecision } from '../lib/answer-diff.js';
import { prettyJson } from '../lib/format.js';
import { useApp } from '../store/app-store.js';
import { sendRawAnswer } from '../store/raw-answer-actions.js';
import { RawAnswerEditor } from './RawAnswerEditor.js';
import { SendError } from './SendError.js';
import { ExchangeChecks, LatencyBar, OutcomeLine, serverTimeoutFor } from './UpstreamSection.js';

/** Held in upstream mode: the backend's answer as the proposal — send it as is, edit it, or replace it below. */
export function UpstreamProposal({ capture }: { capture: Capture }) {
  const settings = useApp((s) => s.settings);
  const forwarding = settings?.upstream.url != null;
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
      <ExchangeChecks exchange={exchange} />
      {proposal?.raw && !editing ? (
        <pre className="code-block" title="Proposed body">
          {prettyJson(proposal.raw.bodyText)}
        </pre>
      ) : null}
      {proposal?.raw && editing ? (
        <RawAnswerEditor
          initial={{
            status: proposal.raw.status,
            headers: proposal.raw.headers ?? {},
            bodyText: proposal.raw.bodyText,
          }}
          capture={capture}
          settings={settings}
          sendLabel="Send edited answer"
          onSend={sendRawAnswer}
          onCancel={() => setEditing(false)}
          cancelLabel="Cancel edit"
        />
      ) : null}
      {!editing ? (
        <div className="send-row">
          {proposal?.raw ? (
            <>
              <button
                type="button"
                className="primary"
                onClick={() => {
                  const raw = proposal.raw;
                  if (raw) void sendRawAnswer(raw).then(setError);
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
          <SendError message={error} />
        </div>
      ) : null}
    </section>
  );
}
