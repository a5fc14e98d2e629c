import type { Capture, UpstreamExchange } from '../../../shared/contract/index.js';
import { checksBesideFailure } from '../../../shared/protocol/index.js';
import { formatLatency, prettyJson } from '../lib/format.js';
import { FindingList } from './FindingList.js';

/** What the backend answered a sent (or forwarded) callback, and the protocol's checks of that answer. */
export function BackendAnswer({ capture, upstream }: { capture: Capture; upstream: UpstreamExchange }) {
  return (
    <section className="detail-section" aria-label="Backend answer">
      <h3>Backend answer</h3>
      <p className="mono request-line">{upstream.url}</p>
      <p className="mono">
        {upstream.status === null ? `no answer: ${upstream.error ?? 'unknown error'}` : `HTTP ${upstream.status}`}
        {upstream.latencyMs !== null ? ` · ${formatLatency(upstream.latencyMs)}` : ''}
        {capture.origin === 'sent' ? ' · sent by the inspector' : ''}
      </p>
      <FindingList
        findings={checksBesideFailure(upstream.findings, upstream.error)}
        label="Answer checks"
        {...(upstream.status === null ? {} : { empty: 'The answer passes every check.' })}
      />
      {upstream.status !== null ? (
        upstream.bodyText === '' ? (
          <p className="muted">(empty body)</p>
        ) : (
          <pre className="code-block" title="Backend answer body">
            {prettyJson(upstream.bodyText)}
          </pre>
        )
      ) : null}
    </section>
  );
}
