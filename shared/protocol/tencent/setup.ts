import { TENCENT_COMMANDS } from './catalogue/index.js';

/** The URL to paste in the Tencent console: the console refuses `?`, `&`, `!`, `$`, so any query is dropped (B.1). */
export function tencentCallbackUrl(listenerUrl: string): string {
  return listenerUrl.trim().replace(/[?#].*$/, '');
}

/** Caveats for the Tencent console URL, for the setup help. */
export function tencentCallbackNotes(listenerUrl: string): string[] {
  const url = tencentCallbackUrl(listenerUrl);
  const notes: string[] = [];
  if (url !== listenerUrl.trim()) notes.push('The query string was removed: the console does not accept ? or &.');
  if (!/^https?:\/\//i.test(url)) notes.push('The console URL must start with http:// or https://.');
  if (/\/\/(127\.|localhost|\[::1\])/i.test(url)) {
    notes.push('Tencent calls from the internet: expose this listener through a public URL or tunnel.');
  }
  notes.push('A new callback URL takes effect about 2 minutes after saving.');
  // The catalogue's failure policy (catalogue/failure.ts): the one console setting that changes what arrives.
  if (TENCENT_COMMANDS.some((c) => c.retry === 'console-on-timeout')) {
    notes.push(
      'After-callbacks are not retried unless retry on timeout is turned on in the console; then a callback answered after 2 s comes again, so the backend can receive it twice.',
    );
  }
  return notes;
}

/** A console switch and the commands it turns on (topic callbacks share the group ones' switches). */
export interface TencentConsoleSwitch {
  /** The switch's label, as the command list names the callback. */
  label: string;
  phase: 'before' | 'after';
  commands: string[];
}

/**
 * Every console switch of the catalogue's Tencent commands, in catalogue order, one entry per switch: the setup help
 * lists them so a person knows which boxes to tick under Console → Callback configuration.
 */
export function tencentConsoleSwitches(): TencentConsoleSwitch[] {
  const bySwitch = new Map<string, TencentConsoleSwitch>();
  for (const c of TENCENT_COMMANDS) {
    if (c.configKey === undefined) continue;
    const entry = bySwitch.get(c.configKey);
    if (entry) entry.commands.push(c.name);
    else bySwitch.set(c.configKey, { label: c.configKey, phase: c.phase, commands: [c.name] });
  }
  return [...bySwitch.values()];
}

/** How to switch a callback on, for a reason it did not come: its switch in the console's callback configuration. */
export function tencentEnableHint(switchName: string): string {
  return `the callback is not enabled: switch on "${switchName}" in the Chat console (Callback configuration)`;
}
