import { copyText } from '../lib/files.js';
import {
  OPENIM_PROFILE_GUIDE,
  openimConfigSnippet,
  tencentCallbackNotes,
  tencentCallbackUrl,
  tencentConsoleSwitches,
} from '../lib/protocol.js';
import { useApp } from '../store/app-store.js';
import { notify } from '../store/notices.js';
import { UpstreamPath } from './UpstreamPath.js';

async function copy(text: string, what: string): Promise<void> {
  const ok = await copyText(text);
  notify(ok ? 'info' : 'error', ok ? `${what} copied` : 'Clipboard not available');
}

/** The setup help itself, loaded the first time the dialog opens. */
export function SetupHelpContent() {
  const listenerUrl = useApp((s) => s.listener?.url ?? 'http://127.0.0.1:10006');
  const profile = useApp((s) => s.settings?.profiles.openim ?? 'v3.7+');
  const base = `${listenerUrl.replace(/\/+$/, '')}/callbackExample`;
  const yaml = openimConfigSnippet(base, profile);
  const file = profile === 'v3.7+' ? 'webhooks.yml' : 'config.yaml';
  const tencentUrl = tencentCallbackUrl(listenerUrl);
  const switches = tencentConsoleSwitches();
  return (
    <>
      <section>
        <h3>OpenIM</h3>
        <p>
          Pick the <strong>OpenIM server</strong> profile that matches your server's version: each version reads answers
          differently, and the predictions follow the one chosen.
        </p>
        <ul className="profile-guide">
          {OPENIM_PROFILE_GUIDE.map((g) => (
            <li key={g.profile}>
              <strong>{g.profile}</strong> ({g.versions}){g.profile === profile ? ' — selected' : ''}: {g.summary}
            </li>
          ))}
        </ul>
        <p>
          Paste into <code>config/{file}</code> and restart the OpenIM services. It lists the key of every callback your
          version calls: the friend and blocklist ones enabled, the others (messages, push, users, groups,
          conversations) with <code>enable: false</code> for you to switch on. The inspector accepts any path, so
          OpenIM's default <code>/callbackExample</code> base works unchanged.
        </p>
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region needs keyboard access */}
        <pre className="code-block" tabIndex={0}>
          {yaml}
        </pre>
        <button type="button" onClick={() => void copy(yaml, file)}>
          Copy {file}
        </button>
      </section>
      <section>
        <h3>Tencent Cloud Chat</h3>
        <p>Console → Callback configuration → callback URL:</p>
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region needs keyboard access */}
        <pre className="code-block" tabIndex={0}>
          {tencentUrl}
        </pre>
        <ul>
          {tencentCallbackNotes(listenerUrl).map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
        <button type="button" onClick={() => void copy(tencentUrl, 'Tencent URL')}>
          Copy Tencent URL
        </button>
        <details className="console-switches">
          <summary>Callback switches to turn on ({switches.length})</summary>
          <p>Console → Callback configuration → tick the callbacks to inspect:</p>
          <ul>
            {switches.map((s) => (
              <li key={s.label}>
                <strong>{s.label}</strong> ({s.phase}):{' '}
                {s.commands.map((c, i) => (
                  <span key={c}>
                    {i > 0 ? ', ' : ''}
                    <code>{c}</code>
                  </span>
                ))}
              </li>
            ))}
          </ul>
        </details>
      </section>
      <UpstreamPath />
    </>
  );
}
