import type { Capture } from '../../../shared/contract/index.js';
import { mainParty } from '../lib/protocol.js';
import { openSend } from '../play/play-actions.js';
import { ruleFromCapture } from '../rules/rule-from-capture.js';
import { getState, setState } from '../store/app-store.js';
import { resendSelected } from '../store/command-actions.js';

function makeRule(capture: Capture): void {
  const taken = new Set(getState().rules.map((r) => r.id));
  const rule = ruleFromCapture(capture, mainParty(capture), taken);
  setState({ sidePanel: 'rules', ruleEditorSeed: { rule, isNew: true, originalId: null } });
}

/** What one can do with a request that is no longer held. */
export function AnsweredActions({ capture }: { capture: Capture }) {
  return (
    <div className="answered-actions">
      <button type="button" onClick={() => makeRule(capture)}>
        Make this a rule
      </button>
      <button type="button" onClick={() => void resendSelected()}>
        Resend to listener
      </button>
      <button type="button" onClick={() => openSend(capture)}>
        Send to backend
      </button>
    </div>
  );
}
