import type { ReplayAnswer, ReplayItem } from '../../../shared/contract/index.js';
import { describeOutcome } from '../../../shared/protocol/index.js';
import { prettyJson } from '../lib/format.js';
import { lineDiff } from '../lib/line-diff.js';

function answerText(a: ReplayAnswer | null): string {
  if (a === null) return '(nothing)';
  if (a.status === null) return `(no answer: ${a.error ?? 'unknown'})`;
  return `HTTP ${a.status}\n${prettyJson(a.bodyText)}`;
}

const MARK = { same: ' ', removed: '-', added: '+' } as const;

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
      <pre className="code-block diff" title="Answer diff">
        {diff.map((line, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a diff is rendered once per item and never reorders
          <span key={i} className={`diff-line diff-${line.kind}`}>
            {MARK[line.kind]} {line.text}
            {'\n'}
          </span>
        ))}
      </pre>
      {item.findings.length > 0 ? (
        <ul className="findings">
          {item.findings.map((f) => (
            <li key={`${f.code}-${f.path ?? ''}-${f.message}`} className={`finding finding-${f.level}`}>
              <span className="finding-level">{f.level}</span> {f.message}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
