import { createColumnHelper } from '@tanstack/react-table';
import { formatDialect, formatLatency, formatOutcome, formatTime } from '../lib/format.js';
import type { CaptureRow } from '../store/capture-list.js';
import { describeDecision } from '../store/decision-draft.js';
import { ChecksMark } from './ChecksMark.js';
import { Countdown } from './Countdown.js';

const column = createColumnHelper<CaptureRow>();

/** Text cells are cut with an ellipsis; the full value stays one hover away. */
const clipped = (value: string) => <span title={value}>{value}</span>;

function StateCell({ row }: { row: CaptureRow }) {
  const s = row.summary;
  if (s.state === 'held' && s.hold) {
    return (
      <span className="state state-held">
        held <Countdown deadlineAt={s.hold.deadlineAt} totalMs={s.hold.deadlineAt - s.receivedAt} />
      </span>
    );
  }
  const by = s.decidedBy === 'timeout' ? 'timeout' : s.decidedBy?.startsWith('rule:') ? 'rule' : null;
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
  if (s.response?.fault) return `fault: ${s.response.fault}`;
  // A callback the inspector sent: the backend answered, no decision was made here.
  if (s.origin === 'sent') return s.upstream?.status != null ? `backend ${s.upstream.status}` : 'backend: none';
  return describeDecision(s.decision);
}

/** Column order and widths (CSS grid template in table.css must match this list). */
export const columns = [
  column.accessor((r) => r.summary.seq, { id: 'seq', header: '#' }),
  column.accessor((r) => r.summary.receivedAt, { id: 'time', header: 'Time', cell: (c) => formatTime(c.getValue()) }),
  column.accessor((r) => r.summary.dialect, {
    id: 'dialect',
    header: 'Dialect',
    cell: (c) => <span className={`dialect dialect-${c.getValue()}`}>{formatDialect(c.getValue())}</span>,
  }),
  column.accessor((r) => r.summary.command ?? '(none)', {
    id: 'command',
    header: 'Command',
    cell: (c) => (
      <>
        <ChecksMark findings={c.row.original.summary.findings} />
        {clipped(c.getValue())}
      </>
    ),
  }),
  column.accessor((r) => r.summary.summary.parties, {
    id: 'parties',
    header: 'Parties',
    cell: (c) => clipped(c.getValue()),
  }),
  column.accessor((r) => r.summary.summary.text, {
    id: 'key',
    header: 'Key field',
    cell: (c) => clipped(c.getValue()),
  }),
  column.display({ id: 'state', header: 'State', cell: (c) => <StateCell row={c.row.original} /> }),
  column.accessor(answerText, { id: 'answer', header: 'Answer', cell: (c) => clipped(c.getValue()) }),
  column.accessor((r) => r.summary.outcome, {
    id: 'outcome',
    header: 'Outcome',
    cell: (c) => {
      const outcome = c.getValue();
      return outcome ? <span className={`effect effect-${outcome.effect}`}>{formatOutcome(outcome)}</span> : null;
    },
  }),
  column.accessor((r) => r.summary.latencyMs, {
    id: 'latency',
    header: 'Latency',
    cell: (c) => formatLatency(c.getValue()),
  }),
];
