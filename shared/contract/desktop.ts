/**
 * What the Electron preload exposes to the page as `window.callbackInspectorDesktop`.
 * Absent in a normal browser, where the renderer falls back to `?token=` and downloads/uploads.
 */
export interface DesktopBridge {
  /** Control API base URL, e.g. `http://127.0.0.1:10007`. */
  readonly controlUrl: string;
  readonly token: string;
  readonly version: string;
  /** Native save dialog; resolves false when the person cancels. */
  saveFile(suggestedName: string, content: string): Promise<boolean>;
  /** Native open dialog; resolves null when the person cancels. */
  openFile(): Promise<{ name: string; content: string } | null>;
  /** The shell asks the page to select a capture (a held-request notification was clicked). */
  onSelectCapture(listener: (captureId: string) => void): void;
}

export const DESKTOP_BRIDGE_KEY = 'callbackInspectorDesktop';
