import type { Capture, ReplayRequest, SendToBackend } from '../../../shared/contract/index.js';
import { prettyJson } from '../lib/format.js';
import { commandInfo, sampleList } from '../lib/protocol.js';
import { client } from '../store/client-ref.js';
import { errorText } from '../store/notices.js';
import { selectCapture } from '../store/selection-actions.js';
import { playStore, rememberUrl, type SendSeed } from './play-store.js';

/** The editor's starting point for a capture: its command and its body, pretty-printed. */
export function seedFromCapture(capture: Capture): SendSeed | null {
  if (capture.dialect === 'unknown' || capture.command === null) return null;
  return { dialect: capture.dialect, command: capture.command, bodyText: prettyJson(capture.request.bodyText) };
}

/** The editor's starting point for a catalogued sample. */
export function seedFromSample(command: string): SendSeed | null {
  const info = sampleList().find((c) => c.name === command);
  if (!info?.sample) return null;
  return { dialect: info.dialect, command: info.name, bodyText: JSON.stringify(info.sample, null, 2) };
}

/** Opens "Send to backend" for the capture (when it is a callback) or else the first sample. */
export function openSend(capture: Capture | null): void {
  const fromCapture = capture && commandInfo(capture) !== undefined ? seedFromCapture(capture) : null;
  const seed = fromCapture ?? seedFromSample(sampleList()[0]?.name ?? '');
  playStore.setState({ send: seed, sendError: null, sending: false });
}

export function closeSend(): void {
  playStore.setState({ send: null, sendError: null });
}

/** Sends, then shows the stored exchange like any capture. */
export async function sendToBackend(input: SendToBackend): Promise<void> {
  playStore.setState({ sending: true, sendError: null });
  rememberUrl(input.to);
  try {
    const capture = await client().sendToBackend(input);
    playStore.setState({ sending: false, send: null });
    selectCapture(capture.id);
  } catch (error) {
    playStore.setState({ sending: false, sendError: errorText(error) });
  }
}

export function openReplay(): void {
  playStore.setState({ replayOpen: true, replayError: null });
}

export function closeReplay(): void {
  playStore.setState({ replayOpen: false });
}

export async function replay(request: ReplayRequest): Promise<void> {
  playStore.setState({ replaying: true, replayError: null, report: null, reportSelected: null });
  rememberUrl(request.to);
  try {
    const report = await client().replay(request);
    // Changed outcomes first: they are what a regression run is for.
    const first =
      report.items.find((i) => i.verdict === 'outcome-changed') ??
      report.items.find((i) => i.verdict === 'answer-changed');
    playStore.setState({ replaying: false, report, reportSelected: first?.id ?? null });
  } catch (error) {
    playStore.setState({ replaying: false, replayError: errorText(error) });
  }
}
