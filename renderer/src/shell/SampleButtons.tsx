import { useId, useMemo, useState } from 'react';
import { sampleCommands } from '../../../shared/protocol/catalogue.js';
import type { CommandInfo } from '../../../shared/protocol/types.js';
import { formatDialect } from '../lib/format.js';
import { sendSample } from '../store/command-actions.js';

interface Family {
  key: string;
  family: string;
  items: CommandInfo[];
}

/** Every word of the filter must occur in the command's title, short title, wire name, family or dialect. */
function matches(info: CommandInfo, words: string[]): boolean {
  const text =
    `${info.title} ${info.short ?? ''} ${info.name} ${info.family} ${formatDialect(info.dialect)}`.toLowerCase();
  return words.every((w) => text.includes(w));
}

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * A sample for every catalogued command, grouped dialect → family, with a filter: type to narrow, Tab to the
 * buttons (the empty state and the top bar's sample menu).
 */
export function SampleButtons({ onSent }: { onSent?: () => void }) {
  const samples = useMemo(() => sampleCommands(), []);
  const [filter, setFilter] = useState('');
  const id = useId();
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  const shown = samples.filter((s) => matches(s, words));
  const groups = (['openim', 'tencent'] as const)
    .map((dialect) => {
      const families: Family[] = [];
      for (const info of shown) {
        if (info.dialect !== dialect) continue;
        let family = families.find((f) => f.family === info.family);
        if (!family) {
          family = { key: `${dialect}-${info.family}`, family: info.family, items: [] };
          families.push(family);
        }
        family.items.push(info);
      }
      return { dialect, families };
    })
    .filter((g) => g.families.length > 0);
  return (
    <div className="sample-menu">
      <label className="field-label" htmlFor={`${id}-filter`}>
        Filter samples
      </label>
      <input
        id={`${id}-filter`}
        type="search"
        value={filter}
        placeholder="message, group, C2C…"
        aria-controls={`${id}-list`}
        onChange={(e) => setFilter(e.target.value)}
      />
      <p className="muted sample-count" aria-live="polite">
        {shown.length} of {samples.length} samples
      </p>
      <div id={`${id}-list`} className="sample-groups">
        {groups.map((group) => (
          <section key={group.dialect} className="sample-group" aria-label={`${formatDialect(group.dialect)} samples`}>
            <h3>{formatDialect(group.dialect)}</h3>
            {group.families.map((family) => (
              <div key={family.key} className="sample-family">
                <h4>{capitalise(family.family)}</h4>
                <div className="sample-buttons">
                  {family.items.map((info) => (
                    <button
                      key={info.name}
                      type="button"
                      className="sample-button"
                      onClick={() => {
                        onSent?.();
                        void sendSample(info);
                      }}
                    >
                      <span className="sample-title">{info.title}</span>
                      <span className="sample-name mono">{info.name}</span>
                    </button>
                  ))}
                </div>
              </div>
            ))}
          </section>
        ))}
        {groups.length === 0 ? <p className="muted">No sample matches “{filter}”.</p> : null}
      </div>
    </div>
  );
}
