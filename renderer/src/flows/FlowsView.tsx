import type { KeyboardEvent } from 'react';
import type { Flow } from '../../../shared/contract/index.js';
import { formatTime } from '../lib/format.js';
import { useApp } from '../store/app-store.js';
import { selectCapture } from '../store/selection-actions.js';
import { selectFlow, useFlows } from './flow-store.js';
import {
  gapText,
  missingCount,
  partiesText,
  pendingCount,
  shortCommand,
  sortedFlows,
  timeline,
  unexpectedCount,
} from './flow-view.js';

function Badges({ flow }: { flow: Flow }) {
  const missing = missingCount(flow);
  const unexpected = unexpectedCount(flow);
  const pending = pendingCount(flow);
  return (
    <span className="flow-badges">
      {missing > 0 && <span className="badge flow-badge-missing">{missing} missing</span>}
      {unexpected > 0 && <span className="badge flow-badge-unexpected">{unexpected} unexpected</span>}
      {pending > 0 && <span className="badge flow-badge-pending">{pending} pending</span>}
    </span>
  );
}

/** Up/Down move through the flows (the buttons are also reachable with Tab). */
function onListKey(event: KeyboardEvent<HTMLUListElement>, flows: Flow[], selected: string | null): void {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  event.preventDefault();
  const at = flows.findIndex((f) => f.key === selected);
  const next = flows[Math.min(flows.length - 1, Math.max(0, at + (event.key === 'ArrowDown' ? 1 : -1)))];
  if (next === undefined) return;
  selectFlow(next.key);
  event.currentTarget.querySelector<HTMLButtonElement>(`[data-flow-key="${CSS.escape(next.key)}"]`)?.focus();
}

function FlowList({ flows, selected }: { flows: Flow[]; selected: string | null }) {
  return (
    <ul className="flow-list" aria-label="Flows" onKeyDown={(e) => onListKey(e, flows, selected)}>
      {flows.map((flow) => (
        <li key={flow.key}>
          <button
            type="button"
            className={flow.key === selected ? 'flow-row selected' : 'flow-row'}
            aria-pressed={flow.key === selected}
            data-flow-key={flow.key}
            onClick={() => selectFlow(flow.key)}
          >
            <span className="flow-parties">{partiesText(flow)}</span>
            <span className="flow-meta">
              {flow.dialect === 'openim' ? 'OpenIM' : 'Tencent'} {flow.family} · {flow.stepCount} step
              {flow.stepCount === 1 ? '' : 's'} · {formatTime(flow.lastAt)}
            </span>
            <Badges flow={flow} />
          </button>
        </li>
      ))}
    </ul>
  );
}

function outcomeText(effect: string, code: number | undefined): string {
  return code === undefined ? effect : `${effect} ${code}`;
}

function Timeline({ flow }: { flow: Flow }) {
  const selectedId = useApp((s) => s.selectedId);
  return (
    <section className="flow-timeline" aria-label={`Timeline of ${partiesText(flow)}`}>
      <h2 className="flow-timeline-title">
        {partiesText(flow)}{' '}
        <span className="muted">
          {flow.stepCount > flow.steps.length ? `(latest ${flow.steps.length} of ${flow.stepCount} steps)` : ''}
        </span>
      </h2>
      <ol className="timeline">
        {timeline(flow).map((item) =>
          item.kind === 'step' ? (
            <li
              key={item.step.captureId}
              className={`timeline-step effect-${item.step.effect}${item.step.unexpected ? ' unexpected' : ''}`}
            >
              <span className="timeline-marker" aria-hidden="true" />
              <span className="timeline-time">{formatTime(item.step.receivedAt)}</span>
              <span className="timeline-gap">{gapText(item.gapMs)}</span>
              <button
                type="button"
                className="timeline-command link-button"
                aria-current={item.step.captureId === selectedId ? 'true' : undefined}
                title={`${item.step.command} (#${item.step.seq}): show this capture`}
                onClick={() => selectCapture(item.step.captureId)}
              >
                {shortCommand(item.step.command, flow.dialect)}
              </button>
              <span className="timeline-answer">{item.step.answer}</span>
              <span className="timeline-outcome">{outcomeText(item.step.effect, item.step.code)}</span>
              {item.step.unexpected && (
                <p className="timeline-note">
                  <span className="badge flow-badge-unexpected">unexpected</span> {item.step.note}
                </p>
              )}
            </li>
          ) : (
            <li
              key={`${item.expectation.afterCaptureId}-${item.expectation.command}`}
              className={`timeline-step timeline-expected ${item.expectation.status}`}
            >
              <span className="timeline-marker hollow" aria-hidden="true" />
              <span className="timeline-time">{item.expectation.status === 'missing' ? 'missing' : 'pending'}</span>
              <span className="timeline-gap" />
              <span className="timeline-command" title={item.expectation.command}>
                {shortCommand(item.expectation.command, flow.dialect)}
              </span>
              <span className="timeline-answer">
                {item.expectation.status === 'missing'
                  ? 'never came'
                  : `expected by ${formatTime(item.expectation.dueAt)}`}
              </span>
              {item.expectation.status === 'missing' && (
                <ul className="timeline-reasons" aria-label="Likely reasons">
                  {item.expectation.reasons.map((reason) => (
                    <li key={reason}>{reason}</li>
                  ))}
                </ul>
              )}
            </li>
          ),
        )}
      </ol>
    </section>
  );
}

/** v3 Flows view (product.md §6): one row per flow; the selected flow's timeline below. */
export function FlowsView() {
  const flowMap = useFlows((s) => s.flows);
  const selectedKey = useFlows((s) => s.selectedKey);
  const error = useFlows((s) => s.error);
  const flows = sortedFlows(flowMap.values());
  const selected = selectedKey === null ? undefined : flowMap.get(selectedKey);
  if (error !== null) return <p className="muted flow-empty">Flows are not available: {error}</p>;
  if (flows.length === 0) {
    return (
      <p className="muted flow-empty">
        No flows yet: a flow appears when a callback names its users (a friend request, a message, a group).
      </p>
    );
  }
  return (
    <div className="flows-view">
      <FlowList flows={flows} selected={selectedKey} />
      {selected ? <Timeline flow={selected} /> : <p className="muted flow-empty">Select a flow to see its timeline.</p>}
    </div>
  );
}
