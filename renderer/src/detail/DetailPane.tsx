import { type Capture, captureNumber } from '../../../shared/contract/index.js';
import { formatDialect, formatLatency, formatTime, prettyJson, shownEffect } from '../lib/format.js';
import { captureChecks, commandTitle } from '../lib/protocol.js';
import { useApp } from '../store/app-store.js';
import { AnsweredActions } from './AnsweredActions.js';
import { BackendAnswer } from './BackendAnswer.js';
import { DecideAhead } from './DecideAhead.js';
import { DecisionPanel } from './DecisionPanel.js';
import { FindingList } from './FindingList.js';
import { KeyValueTable } from './KeyValueTable.js';
import { UpstreamProposal } from './UpstreamProposal.js';
import { UpstreamSection } from './UpstreamSection.js';

function Body({ text, label }: { text: string; label: string }) {
  if (text === '') return <p className="muted">(empty body)</p>;
  return (
    // Focusable: a wide body scrolls sideways, and a keyboard user must be able to scroll it too.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region needs keyboard access
    <pre className="code-block" title={label} tabIndex={0}>
      {prettyJson(text)}
    </pre>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="detail-section" aria-label={title}>
      <h3>{title}</h3>
      {children}
    </section>
  );
}

function CaptureDetail({ capture }: { capture: Capture }) {
  const settings = useApp((s) => s.settings);
  const title = commandTitle(capture);
  const response = capture.response;
  return (
    <>
      <header className="detail-header">
        <div className="detail-title">
          <span className={`dialect dialect-${capture.dialect}`}>{formatDialect(capture.dialect)}</span>
          <h2>
            #{captureNumber(capture)} {capture.command ?? 'unknown command'}
          </h2>
        </div>
        <p className="muted">
          {title ? `${title} · ` : ''}
          {capture.phase} · {formatTime(capture.receivedAt)}
          {capture.imported ? ' · imported' : ''}
          {capture.origin === 'sent' ? ' · sent to a backend' : ''}
        </p>
      </header>
      {/* The decision first: at 1024×700 its buttons are in view without scrolling (product.md §6 v3). */}
      {capture.state === 'held' ? <DecisionPanel capture={capture} /> : <AnsweredActions capture={capture} />}
      {capture.state === 'held' ? null : <DecideAhead capture={capture} />}
      {capture.state === 'held' ? <UpstreamProposal key={capture.id} capture={capture} /> : null}
      {capture.outcome ? (
        <Section title="Predicted outcome">
          <p className={`outcome outcome-${shownEffect(capture.outcome)}`}>
            <strong>{shownEffect(capture.outcome)}</strong>
            {capture.outcome.code !== undefined ? ` ${capture.outcome.code}` : ''} — {capture.outcome.explanation}
          </p>
          {capture.outcome.targets && capture.outcome.targets.length > 0 ? (
            <ul className="target-outcomes">
              {capture.outcome.targets.map((t) => (
                <li key={t.account}>
                  <code>{t.account}</code>: {t.effect}
                  {t.code !== undefined ? ` ${t.code}` : ''}
                </li>
              ))}
            </ul>
          ) : null}
        </Section>
      ) : null}
      <UpstreamSection capture={capture} />
      <Section title="Checks">
        <FindingList findings={captureChecks(capture, settings)} empty="No problems found." paths />
      </Section>
      <Section title="Request">
        <p className="mono request-line">
          <strong>{capture.request.method}</strong> {capture.request.url}
        </p>
        {Object.keys(capture.request.query).length > 0 ? (
          <KeyValueTable label="Query" entries={capture.request.query} />
        ) : null}
        <KeyValueTable label="Headers" entries={capture.request.headers} />
        <Body text={capture.request.bodyText} label="Request body" />
      </Section>
      {capture.upstream && capture.origin === 'sent' ? (
        <BackendAnswer capture={capture} upstream={capture.upstream} />
      ) : null}
      {capture.origin === 'sent' ? null : (
        <Section title="Response sent">
          {response ? (
            <>
              <p className="mono">
                {response.fault ? `no HTTP answer (${response.fault})` : `HTTP ${response.status}`}
                {capture.latencyMs !== null ? ` · ${formatLatency(capture.latencyMs)}` : ''}
                {capture.decidedBy ? ` · decided by ${capture.decidedBy}` : ''}
              </p>
              {response.fault ? null : <Body text={response.bodyText} label="Response body" />}
            </>
          ) : (
            <p className="muted">Not answered yet.</p>
          )}
        </Section>
      )}
    </>
  );
}

/** Everything about the selected capture; fetched in full on selection. */
export function DetailPane() {
  const selectedId = useApp((s) => s.selectedId);
  const selected = useApp((s) => s.selected);
  if (selectedId === null) {
    return (
      <div className="detail-empty muted">
        <p>Select a callback to see its request, the answer sent and what the IM server will do.</p>
        <p>
          Keys: <kbd>J</kbd>/<kbd>K</kbd> move, <kbd>H</kbd> next held, <kbd>A</kbd> allow, <kbd>D</kbd> deny,{' '}
          <kbd>Enter</kbd> send, <kbd>?</kbd> all keys.
        </p>
      </div>
    );
  }
  if (!selected || selected.id !== selectedId) return <div className="detail-empty muted">Loading…</div>;
  return (
    <div className="detail-pane">
      <CaptureDetail capture={selected} />
    </div>
  );
}
