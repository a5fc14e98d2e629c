import { createColumnHelper } from '@tanstack/react-table';
import { captureNumber } from '../../../shared/contract/index.js';
import { formatDialect, formatLatency, formatOutcome, formatTime, shownEffect } from '../lib/format.js';
import { commandTitle } from '../lib/protocol.js';
import { ARMED_PREFIX } from '../rules/arm.js';
import type { CaptureRow } from '../store/capture-list.js';
import { describeDecision } from '../store/decision-draft.js';
import { ChecksMark } from './ChecksMark.js';
import { Countdown } from './Countdown.js';

const column = createColumnHelper<CaptureRow>();

/** Text cells are cut with an ellipsis; the full value stays one hover away. */
const clipped = (value: string) => <span title={value}>{value}</span>;

/** A column's id, header, default width and minimum width (px). */
const sized = (id: string, header: string, size: number, minSize: number) => ({ id, header, size, minSize });

function StateCell({ row }: { row: CaptureRow }) {
  const s = row.summary;
  if (s.state === 'held' && s.hold) {
    return (
      <span className="state state-held">
        held <Countdown deadlineAt={s.hold.deadlineAt} totalMs={s.hold.deadlineAt - s.receivedAt} />
      </span>
    );
  }
  const by =
    s.decidedBy === 'timeout'
      ? 'timeout'
      : s.decidedBy?.startsWith(`rule:${ARMED_PREFIX}`)
        ? 'armed'
        : s.decidedBy?.startsWith('rule:')
          ? 'rule'
          : null;
  return (
    <span className={`state state-${s.state}`}>
      {s.state}
      {by ? <span className="state-by"> · {by}</span> : null}
    </span>
  );
}

function answerText(row: CaptureRow): string {
  const s = row.summary;
  if (s.state === 'held') return '';
  // A callback the inspector sent: the backend answered, no decision was made here.
  if (s.origin === 'sent')
    return s.upstream?.status != null ? `HTTP ${s.upstream.status} · backend` : 'no answer · backend';
  // Relayed from the app backend: what it answered is in the outcome and the details.
  if (s.decidedBy === 'upstream') {
    // The status first: a narrow column still tells a 200 from a 500.
    return s.response?.fault ? `backend failed: ${s.response.fault}` : `HTTP ${s.response?.status ?? '?'} · backend`;
  }
  if (s.response?.fault) return `fault: ${s.response.fault}`;
  // A callback the inspector sent: the backend answered, no decision was made here.
  return describeDecision(s.decision);
}

/** "Before add friend", the full command name in the tooltip (and the detail pane); unknown commands as sent. */
function CommandCell({ row }: { row: CaptureRow }) {
  const s = row.summary;
  const name = s.command ?? '(none)';
  const title = commandTitle(s);
  return (
    <>
      <ChecksMark findings={s.findings} />
      <span className="command-label" title={name}>
        {title || name}
      </span>
    </>
  );
}

function OutcomeCell({ row }: { row: CaptureRow }) {
  const outcome = row.summary.outcome;
  if (!outcome) return null;
  const text = formatOutcome(outcome);
  return (
    <span className={`effect effect-${shownEffect(outcome)}`} title={outcome.explanation}>
      {text}
    </span>
  );
}

/**
 * Column order, default widths and minimums (px). Widths become CSS variables on the table (table.css), so a
 * resize restyles the columns without re-rendering a row. The key field takes the width left over.
 */
export const columns = [
  column.accessor((r) => captureNumber(r.summary), sized('seq', '#', 48, 36)),
  column.accessor((r) => r.summary.receivedAt, {
    ...sized('time', 'Time', 104, 60),
    cell: (c) => formatTime(c.getValue()),
  }),
  column.accessor((r) => r.summary.dialect, {
    ...sized('dialect', 'Dialect', 80, 50),
    cell: (c) => <span className={`dialect dialect-${c.getValue()}`}>{formatDialect(c.getValue())}</span>,
  }),
  column.display({ ...sized('command', 'Command', 140, 70), cell: (c) => <CommandCell row={c.row.original} /> }),
  column.accessor((r) => r.summary.summary.parties, {
    ...sized('parties', 'Parties', 104, 60),
    cell: (c) => clipped(c.getValue()),
  }),
  column.accessor((r) => r.summary.summary.text, {
    ...sized('key', 'Key field', 80, 60),
    cell: (c) => clipped(c.getValue()),
  }),
  column.display({ ...sized('state', 'State', 144, 70), cell: (c) => <StateCell row={c.row.original} /> }),
  column.accessor(answerText, { ...sized('answer', 'Answer', 136, 60), cell: (c) => clipped(c.getValue()) }),
  column.display({ ...sized('outcome', 'Outcome', 148, 60), cell: (c) => <OutcomeCell row={c.row.original} /> }),
  column.accessor((r) => r.summary.latencyMs, {
    ...sized('latency', 'Latency', 64, 50),
    cell: (c) => formatLatency(c.getValue()),
  }),
];
