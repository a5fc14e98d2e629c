import { ModalDialog } from '../dialogs/ModalDialog.js';
import { lazyChunk } from '../lib/lazy-chunk.js';
import { closeReplay } from './play-actions.js';
import { usePlay } from './play-store.js';

const ReplayPanel = lazyChunk(() => import('./ReplayPanel.js').then((m) => m.ReplayPanel));

/** Replay of the imported session against a backend, with the changed outcomes and a diff of the answers. */
export function ReplayDialog() {
  const open = usePlay((s) => s.replayOpen);
  return (
    <ModalDialog
      open={open}
      label="Replay session"
      heading="Replay session"
      closeButton
      className="play-dialog"
      onClose={closeReplay}
    >
      <p className="muted">
        Re-sends every imported callback to the backend exactly as it was recorded and compares the new answer and
        predicted outcome with the recorded ones. Import a session (JSON, HAR or NDJSON) first.
      </p>
      <ReplayPanel />
    </ModalDialog>
  );
}
