import { lazy } from 'react';
import { setState, useApp } from '../store/app-store.js';
import { ModalDialog } from './ModalDialog.js';

const SetupHelpContent = lazy(() => import('./SetupHelpContent.js').then((m) => ({ default: m.SetupHelpContent })));

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
