import { setState, useApp } from '../store/app-store.js';
import { ModalDialog } from './ModalDialog.js';

const SHORTCUTS: readonly [keys: string[], what: string][] = [
  [['J', '↓'], 'next row (newer)'],
  [['K', '↑'], 'previous row (older)'],
  [['Home', 'End'], 'first / last row'],
  [['H'], 'next held request (by nearest fallback)'],
  [['A'], 'allow the selected held request'],
  [['D'], 'deny the selected held request'],
  [['Enter'], 'send the answer'],
  [['Tab'], 'reach the list, the details and the decision panel'],
  [['?'], 'this list'],
  [['Esc'], 'close a dialog or menu'],
];

/** `?`: every key the window knows. Keys work when no text field has the focus. */
export function ShortcutHelp() {
  const open = useApp((s) => s.shortcutHelpOpen);
  const close = (): void => setState({ shortcutHelpOpen: false });
  return (
    <ModalDialog
      open={open}
      label="Keyboard shortcuts"
      heading="Keyboard shortcuts"
      closeButton
      className="compact-dialog shortcut-help"
      onClose={close}
    >
      <p className="muted">Keys act when no text field has the focus.</p>
      <dl className="shortcut-list">
        {SHORTCUTS.map(([keys, what]) => (
          <div key={what} className="shortcut">
            <dt>
              {keys.map((k, i) => (
                <span key={k}>
                  {i > 0 ? ' / ' : ''}
                  <kbd>{k}</kbd>
                </span>
              ))}
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
    </ModalDialog>
  );
}
