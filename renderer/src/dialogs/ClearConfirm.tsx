import { setState, useApp } from '../store/app-store.js';
import { clearCaptures } from '../store/command-actions.js';
import { ModalDialog } from './ModalDialog.js';

/** Clear asks first and names what goes: it cannot be undone (the log on disk is emptied too). */
export function ClearConfirm() {
  const open = useApp((s) => s.clearConfirmOpen);
  const total = useApp((s) => s.total);
  const held = useApp((s) => s.list.held.size);
  const close = (): void => setState({ clearConfirmOpen: false });
  const noun = `${total.toLocaleString()} capture${total === 1 ? '' : 's'}`;
  return (
    <ModalDialog open={open} label="Clear all captures?" className="compact-dialog confirm-dialog" onClose={close}>
      <h2>Clear all captures?</h2>
      <p>
        This deletes <strong>{noun}</strong> from the engine's memory <strong>and from the capture log on disk</strong>{' '}
        (<code>captures.ndjson</code> in the data folder). It cannot be undone: export first to keep them.
      </p>
      {held > 0 ? (
        <p>
          {held} held request{held === 1 ? '' : 's'} stay{held === 1 ? 's' : ''} and still get{held === 1 ? 's' : ''} an
          answer.
        </p>
      ) : null}
      <div className="dialog-actions">
        {/* First, so showModal focuses it: Enter or Escape right after opening keeps the captures. */}
        <button type="button" onClick={close}>
          Cancel
        </button>
        <button
          type="button"
          className="danger"
          onClick={() => {
            close();
            void clearCaptures();
          }}
        >
          Clear {noun}
        </button>
      </div>
    </ModalDialog>
  );
}
