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
  return <DecidedState state={s.state} by={decidedByWord(s)} />;
}

/**
 * Who answered, after the state ("answered · backend"): the answer column then needs only what was answered, and a
 * narrow one still shows the backend's HTTP status whole (product.md §6 v3).
 */
function decidedByWord(s: CaptureRow['summary']): string | null {
  if (s.origin === 'sent') return 'sent';
  if (s.decidedBy === 'upstream') return 'backend';
  if (s.decidedBy === 'timeout') return 'timeout';
  if (s.decidedBy?.startsWith(`rule:${ARMED_PREFIX}`)) return 'armed';
  if (s.decidedBy?.startsWith('rule:')) return 'rule';
  return null;
}

function DecidedState({ state, by }: { state: string; by: string | null }) {
  return (
    <span className={`state state-${state}`} title={by ? `${state} · ${by}` : undefined}>
      {state}
      {by ? <span className="state-by"> · {by}</span> : null}
    </span>
  );
}

function answerText(row: CaptureRow): string {
  const s = row.summary;
  if (s.state === 'held') return '';
  // A callback the inspector sent, or relayed from the app backend: its HTTP status (the State says "· sent" or
  // "· backend"), so a narrow column still tells a 200 from a 500; the rest is in the outcome and the details.
  if (s.origin === 'sent') return s.upstream?.status != null ? `HTTP ${s.upstream.status}` : 'no answer';
  if (s.decidedBy === 'upstream') {
    return s.response?.fault ? `failed: ${s.response.fault}` : `HTTP ${s.response?.status ?? '?'}`;
  }
  if (s.response?.fault) return `fault: ${s.response.fault}`;
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
 * resize restyles the columns without re-rendering a row. The width left over goes to the parties (up to twice
 * theirs) and then the key field. The defaults add up to under 1 000 px: the list pane of a 1440 px window shows every
 * column whole, "fault: string-codes", "partial 1/2 blocked" and "spammer → user456" included; a narrower list folds
 * the secondary columns away (table-compact.css).
 */
export const columns = [
  column.accessor((r) => captureNumber(r.summary), sized('seq', '#', 44, 36)),
  column.accessor((r) => r.summary.receivedAt, {
    ...sized('time', 'Time', 100, 60),
    cell: (c) => formatTime(c.getValue()),
  }),
  column.accessor((r) => r.summary.dialect, {
    ...sized('dialect', 'Dialect', 76, 50),
    cell: (c) => <span className={`dialect dialect-${c.getValue()}`}>{formatDialect(c.getValue())}</span>,
  }),
  column.display({ ...sized('command', 'Command', 128, 70), cell: (c) => <CommandCell row={c.row.original} /> }),
  column.accessor((r) => r.summary.summary.parties, {
    ...sized('parties', 'Parties', 100, 60),
    cell: (c) => clipped(c.getValue()),
  }),
  column.accessor((r) => r.summary.summary.text, {
    ...sized('key', 'Key field', 68, 60),
    cell: (c) => clipped(c.getValue()),
  }),
  column.display({ ...sized('state', 'State', 140, 70), cell: (c) => <StateCell row={c.row.original} /> }),
  column.accessor(answerText, { ...sized('answer', 'Answer', 132, 60), cell: (c) => clipped(c.getValue()) }),
  column.display({ ...sized('outcome', 'Outcome', 140, 60), cell: (c) => <OutcomeCell row={c.row.original} /> }),
  column.accessor((r) => r.summary.latencyMs, {
    ...sized('latency', 'Latency', 64, 50),
    cell: (c) => formatLatency(c.getValue()),
  }),
];
