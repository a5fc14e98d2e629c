import { useState } from 'react';
import { ModalDialog } from '../dialogs/ModalDialog.js';
import { lazyChunk } from '../lib/lazy-chunk.js';
import { useApp } from '../store/app-store.js';

const SettingsEditor = lazyChunk(() => import('./SettingsPanel.js').then((m) => m.SettingsEditor));

/** "Settings" in the top bar and its dialog: every engine setting a person tunes, each checked by the engine. */
export function SettingsButton() {
  const settings = useApp((s) => s.settings);
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" disabled={settings === null} onClick={() => setOpen(true)}>
        Settings
      </button>
      <ModalDialog
        open={open}
        label="Settings"
        heading="Settings"
        className="settings-dialog"
        onClose={() => setOpen(false)}
      >
        {settings ? <SettingsEditor settings={settings} onDone={() => setOpen(false)} /> : null}
      </ModalDialog>
    </>
  );
}
