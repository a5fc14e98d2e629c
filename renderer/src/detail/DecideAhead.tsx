import type { Capture } from '../../../shared/contract/index.js';
import { armedFor } from '../rules/arm.js';
import { useApp } from '../store/app-store.js';
import { ArmedNotice } from './ArmedNotice.js';
import { DecisionPanel } from './DecisionPanel.js';

/**
 * For a capture that is not held: its decision panel, folded, to arm an answer for the next request like it
 * (product.md §2 v3). Tencent waits 2 s, too short for a person; an armed answer goes out at once.
 */
export function DecideAhead({ capture }: { capture: Capture }) {
  const rules = useApp((s) => s.rules);
  const armed = armedFor(rules, capture) !== null;
  if (capture.command === null) return null;
  return (
    <>
      {armed ? <ArmedNotice capture={capture} /> : null}
      <details className="decide-ahead-fold">
        <summary>Decide ahead for the next request like this</summary>
        <DecisionPanel capture={capture} ahead />
      </details>
    </>
  );
}
