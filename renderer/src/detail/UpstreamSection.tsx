import type { Capture, Outcome, UpstreamExchange } from '../../../shared/contract/index.js';
import { checksBesideFailure, predictionTimeoutMs } from '../../../shared/protocol/index.js';
import { answerDiff, latencyGauge } from '../lib/answer-diff.js';
import { formatLatency, prettyJson } from '../lib/format.js';
import { useApp } from '../store/app-store.js';
import { DiffBlock } from './DiffBlock.js';
import { FindingList } from './FindingList.js';
import { KeyValueTable } from './KeyValueTable.js';

/** The IM server's own timeout for this capture, as the prediction uses it (Tencent: fixed 2 s). */
export function serverTimeoutFor(capture: Capture, timeouts: { openim: number; tencent: number }): number {
  const configured =
    capture.hold?.serverTimeoutMs ?? (capture.dialect === 'tencent' ? timeouts.tencent : timeouts.openim);
  return predictionTimeoutMs(capture.dialect, configured);
}

/** "fails 90007 — …": the effect, its code, and the sentence (or, given, other words in its place). */
export function OutcomeLine({ outcome, explanation }: { outcome: Outcome; explanation?: string }) {
  return (
    <p className={`outcome outcome-${outcome.effect}`}>
      <strong>{outcome.effect}</strong>
      {outcome.code !== undefined ? ` ${outcome.code}` : ''} — {explanation ?? outcome.explanation}
    </p>
  );
}

function sameOutcome(a: Outcome, b: Outcome | null): boolean {
  return b !== null && a.effect === b.effect && a.code === b.code && a.explanation === b.explanation;
}

/** The backend's latency against the IM server's timeout: green to half, amber past half, red past the timeout. */
export function LatencyBar({ latencyMs, timeoutMs }: { latencyMs: number; timeoutMs: number }) {
  const { fraction, level } = latencyGauge(latencyMs, timeoutMs);
  return (
    <div className={`latency-bar latency-${level}`}>
      <meter
        aria-label="Backend latency against the deadline"
        min={0}
        max={timeoutMs}
        low={timeoutMs / 2}
        high={timeoutMs - 1}
        optimum={0}
        value={Math.min(latencyMs, timeoutMs)}
        title={`${Math.round(fraction * 100)} % of the IM server's timeout`}
      />
      <span className="mono">
        {formatLatency(latencyMs)} of the {timeoutMs / 1000} s timeout
        {level === 'late' ? ' — too late: the server gave up' : level === 'slow' ? ' — past half the timeout' : ''}
      </span>
    </div>
  );
}

/** The backend answer's checks; a failure the head already names ("no answer — connection refused") is not repeated. */
export function ExchangeChecks({ exchange }: { exchange: UpstreamExchange }) {
  return (
    <FindingList
      findings={checksBesideFailure(exchange.findings, exchange.error)}
      label="Backend answer checks"
      {...(exchange.status === null ? {} : { empty: 'The answer passes every check.' })}
    />
  );
}

function AnswerHead({ exchange }: { exchange: UpstreamExchange }) {
  return (
    <p className="mono">
      {exchange.status !== null ? `HTTP ${exchange.status}` : 'no answer'}
      {exchange.error ? ` — ${exchange.error}` : ''}
    </p>
  );
}

function Diff({ capture }: { capture: Capture }) {
  const diff = answerDiff(capture);
  if (!diff) return null;
  if (diff.identical) return <p className="muted">Sent to the IM server unchanged.</p>;
  return (
    <section className="answer-diff" aria-label="Changes before sending">
      <h4>Changed before sending (backend → sent)</h4>
      {diff.status ? (
        <p className="mono">
          status {diff.status.from ?? 'none'} → {diff.status.to ?? 'no HTTP answer'}
        </p>
      ) : null}
      {diff.headers.map(([name, from, to]) => (
        <p key={name} className="mono">
          {name}: {from ?? '(absent)'} → {to ?? '(absent)'}
        </p>
      ))}
      <DiffBlock lines={diff.body} title="Answer diff" />
    </section>
  );
}

/** Details: what the real app backend answered (upstream mode), checked, timed, and compared with what was sent. */
export function UpstreamSection({ capture }: { capture: Capture }) {
  // Two primitive selections: a selector returning a fresh object would re-render forever.
  const openim = useApp((s) => s.settings?.hold.openimTimeoutMs ?? 5000);
  const tencent = useApp((s) => s.settings?.hold.tencentTimeoutMs ?? 2000);
  const timeouts = { openim, tencent };
  const exchange = capture.upstream;
  // While held, the proposal panel shows the backend's answer; a sent capture shows it once, as "Backend answer".
  if (!exchange || capture.state === 'held' || capture.origin === 'sent') return null;
  const timeout = serverTimeoutFor(capture, timeouts);
  return (
    <section className="detail-section upstream-section" aria-label="Upstream">
      <h3>Upstream: your backend's answer</h3>
      <p className="mono request-line">
        <strong>{capture.request.method}</strong> {exchange.url}
      </p>
      <AnswerHead exchange={exchange} />
      {exchange.latencyMs !== null ? <LatencyBar latencyMs={exchange.latencyMs} timeoutMs={timeout} /> : null}
      {/* Relayed as it came, the backend's answer has the outcome shown above: its sentence is not repeated here. */}
      {exchange.outcome && sameOutcome(exchange.outcome, capture.outcome) ? (
        <OutcomeLine outcome={exchange.outcome} explanation="relayed as it came: the predicted outcome above." />
      ) : exchange.outcome ? (
        <OutcomeLine outcome={exchange.outcome} />
      ) : null}
      <ExchangeChecks exchange={exchange} />
      {exchange.status !== null ? (
        <>
          <KeyValueTable label="Backend headers" entries={exchange.headers} />
          {exchange.bodyText === '' ? (
            <p className="muted">(empty body)</p>
          ) : (
            <pre className="code-block" title="Backend body">
              {prettyJson(exchange.bodyText)}
            </pre>
          )}
        </>
      ) : null}
      {capture.decidedBy !== 'upstream' ? <Diff capture={capture} /> : null}
    </section>
  );
}
