import { type FormEvent, useState } from 'react';
import type { ReplayItem, ReplayVerdict } from '../../../shared/contract/index.js';
import { SendError } from '../detail/SendError.js';
import { AnswerDiff } from './AnswerDiff.js';
import { BackendUrlField } from './BackendUrlField.js';
import { replay } from './play-actions.js';
import { playStore, rememberedUrl, usePlay } from './play-store.js';

const LABEL: Record<ReplayVerdict, string> = {
  'outcome-changed': 'outcome changed',
  'answer-changed': 'answer changed',
  skipped: 'skipped',
  same: 'same',
};
const ORDER: ReplayVerdict[] = ['outcome-changed', 'answer-changed', 'skipped'];

function Results() {
  const report = usePlay((s) => s.report);
  const selected = usePlay((s) => s.reportSelected);
  if (!report) return null;
  const s = report.summary;
  const listed: ReplayItem[] = ORDER.flatMap((v) => report.items.filter((i) => i.verdict === v));
  const item = report.items.find((i) => i.id === selected) ?? null;
  return (
    <div className="replay-results">
      <p role="status" className={s.outcomeChanged > 0 ? 'replay-summary changed' : 'replay-summary'}>
        {s.total} replayed: {s.same} same, {s.answerChanged} answer changed, {s.outcomeChanged} outcome changed,{' '}
        {s.skipped} skipped
      </p>
      {listed.length > 0 ? (
        <ul className="replay-list" aria-label="Changed callbacks">
          {listed.map((i) => (
            <li key={i.id}>
              <button
                type="button"
                aria-pressed={i.id === selected}
                className={`replay-item verdict-${i.verdict}`}
                onClick={() => playStore.setState({ reportSelected: i.id })}
              >
                <span className="mono">
                  #{i.seq} {i.command ?? '(no command)'}
                </span>
                <span>
                  {LABEL[i.verdict]}
                  {i.reason ? `: ${i.reason}` : ''}
                </span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {item && item.verdict !== 'skipped' ? <AnswerDiff item={item} /> : null}
    </div>
  );
}

/** The Replay form and its report, loaded the first time the dialog opens. */
export function ReplayPanel() {
  const replaying = usePlay((s) => s.replaying);
  const error = usePlay((s) => s.replayError);
  // Mounted on each opening, so the URL starts from the one remembered last.
  const [to, setTo] = useState(rememberedUrl);
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    void replay({ to: to.trim() });
  };
  return (
    <>
      <form className="play-form" onSubmit={submit}>
        <BackendUrlField value={to} onChange={setTo} />
        <div className="play-actions field-wide">
          <button type="submit" className="primary" disabled={replaying}>
            {replaying ? 'Replaying…' : 'Replay imported captures'}
          </button>
        </div>
      </form>
      <SendError message={error} />
      <Results />
    </>
  );
}
