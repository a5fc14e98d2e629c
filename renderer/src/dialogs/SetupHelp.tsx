import { lazyChunk } from '../lib/lazy-chunk.js';
import { setState, useApp } from '../store/app-store.js';
import { ModalDialog } from './ModalDialog.js';

const SetupHelpContent = lazyChunk(() => import('./SetupHelpContent.js').then((m) => m.SetupHelpContent));

/** Ready-to-paste OpenIM webhooks.yml and the Tencent console URL for the current listener. */
export function SetupHelp() {
  const open = useApp((s) => s.setupHelpOpen);
  return (
    <ModalDialog
      open={open}
      label="Setup help"
      heading="Setup help"
      closeButton
      className="setup-help"
      onClose={() => setState({ setupHelpOpen: false })}
    >
      <SetupHelpContent />
    </ModalDialog>
  );
}
