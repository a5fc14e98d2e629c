import { ModalDialog } from '../dialogs/ModalDialog.js';
import { lazyChunk } from '../lib/lazy-chunk.js';
import { closeSend } from './play-actions.js';
import { usePlay } from './play-store.js';

const SendForm = lazyChunk(() => import('./SendForm.js').then((m) => m.SendForm));

/** "Send to backend": play the IM server for one callback; the exchange opens as a capture. */
export function SendDialog() {
  const seed = usePlay((s) => s.send);
  return (
    <ModalDialog
      open={seed !== null}
      label="Send to backend"
      heading="Send to backend"
      className="play-dialog"
      onClose={closeSend}
    >
      <p className="muted">
        Sends the callback the way the chosen server version does (URL form, headers, Sign) and predicts what it would
        do with the answer.
      </p>
      {seed ? <SendForm key={`${seed.command}\n${seed.bodyText}`} seed={seed} /> : null}
    </ModalDialog>
  );
}
