import type { ReplayAnswer, ReplayItem } from '../../../shared/contract/index.js';
import { describeOutcome } from '../../../shared/protocol/index.js';
import { DiffBlock } from '../detail/DiffBlock.js';
import { FindingList } from '../detail/FindingList.js';
import { prettyJson } from '../lib/format.js';
import { lineDiff } from '../lib/line-diff.js';

function answerText(a: ReplayAnswer | null): string {
  if (a === null) return '(nothing)';
  if (a.status === null) return `(no answer: ${a.error ?? 'unknown'})`;
  return `HTTP ${a.status}\n${prettyJson(a.bodyText)}`;
}

/** The recorded and the new answer of one replayed callback, their outcomes, and a line diff of the two. */
export function AnswerDiff({ item }: { item: ReplayItem }) {
  const diff = lineDiff(answerText(item.recorded), answerText(item.replayed));
  return (
    <section className="answer-diff" aria-label="Recorded and new answer">
      <h3>
        #{item.seq} {item.command}
      </h3>
      <dl className="diff-outcomes">
        <dt>Recorded outcome</dt>
        <dd>{describeOutcome(item.recorded?.outcome ?? null)}</dd>
        <dt>New outcome</dt>
        <dd>{describeOutcome(item.replayed?.outcome ?? null)}</dd>
      </dl>
      <DiffBlock lines={diff} title="Answer diff" />
      <FindingList findings={item.findings} />
    </section>
  );
}
