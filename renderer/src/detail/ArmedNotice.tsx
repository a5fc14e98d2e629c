import type { Capture } from '../../../shared/contract/index.js';
import { armedFor } from '../rules/arm.js';
import { useApp } from '../store/app-store.js';
import { cancelArmed } from '../store/arm-actions.js';

/** "Armed: deny 38001 for the next …" while a decision armed from a request like this one waits; cancellable. */
export function ArmedNotice({ capture }: { capture: Capture }) {
  const rules = useApp((s) => s.rules);
  const armed = armedFor(rules, capture);
  if (!armed) return null;
  return (
    <div className="armed-notice" role="status" aria-label="Armed decision">
      <span>
        <strong>Armed</strong> {armed.name.replace(/^Armed: /, '')}
      </span>
      <button type="button" className="small" onClick={() => void cancelArmed(armed.id)}>
        Cancel armed decision
      </button>
    </div>
  );
}
