import { type ChangeEvent, useRef } from 'react';
import { EXPORT_FORMATS } from '../../../shared/contract/index.js';
import { HeldStatus } from '../held/HeldStatus.js';
import { openReplay, openSend } from '../play/play-actions.js';
import { SettingsButton } from '../settings/SettingsButton.js';
import { getState, setState, useApp } from '../store/app-store.js';
import { connectionConfig } from '../store/client-ref.js';
import {
  copySelectedAsCurl,
  exportSession,
  importSession,
  importViaDesktop,
  sendSample,
} from '../store/command-actions.js';
import { ListenerStatus } from './ListenerStatus.js';
import { MenuButton } from './MenuButton.js';
import { SampleMenu } from './SampleMenu.js';
import { SettingsControls } from './SettingsControls.js';
import { UpstreamStatus } from './UpstreamStatus.js';

function ImportButton() {
  const input = useRef<HTMLInputElement>(null);
  const onFile = async (event: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (file) await importSession(await file.text(), file.name);
  };
  return (
    <>
      <button
        type="button"
        onClick={() => (connectionConfig().desktop ? void importViaDesktop() : input.current?.click())}
      >
        Import
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,.har,.ndjson,application/json,application/x-ndjson"
        hidden
        tabIndex={-1}
        onChange={(e) => void onFile(e)}
      />
    </>
  );
}

/**
 * Three rows of fixed height that never wrap by content: what the engine is doing (listener, upstream), what waits
 * for a person (held status, in a slot reserved even when nothing is held, and the hold and profile controls), and
 * the session commands. Nothing in the bar changes size when a request is held or answered, so the table below
 * never moves (product.md §6 v3).
 */
export function TopBar() {
  const hasSelection = useApp((s) => s.selected !== null);
  return (
    <header className="top-bar">
      <div className="top-row top-row-status">
        <h1 className="brand">Callback Inspector</h1>
        <ListenerStatus />
        <UpstreamStatus />
      </div>
      <div className="top-row top-row-hold">
        <HeldStatus />
        <SettingsControls />
      </div>
      <div className="top-row top-row-tools">
        <MenuButton label="Send sample" wide>
          {(close) => (
            <SampleMenu
              autoFocus
              onPick={(info) => {
                close();
                void sendSample(info);
              }}
            />
          )}
        </MenuButton>
        <button type="button" onClick={() => openSend(getState().selected)}>
          Send to backend
        </button>
        <button type="button" onClick={openReplay}>
          Replay
        </button>
        <button type="button" disabled={!hasSelection} onClick={() => void copySelectedAsCurl()}>
          Copy as cURL
        </button>
        <MenuButton label="Export">
          {(close) =>
            EXPORT_FORMATS.map((format) => (
              <button
                key={format}
                type="button"
                onClick={() => {
                  close();
                  void exportSession(format);
                }}
              >
                Export {format.toUpperCase()}
              </button>
            ))
          }
        </MenuButton>
        <ImportButton />
        <button type="button" className="danger" onClick={() => setState({ clearConfirmOpen: true })}>
          Clear
        </button>
        <div className="spacer" />
        <SettingsButton />
        <button type="button" onClick={() => setState({ setupHelpOpen: true })}>
          Setup help
        </button>
      </div>
    </header>
  );
}
