import { type KeyboardEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { formatDialect } from '../lib/format.js';
import { type CommandInfo, sampleList } from '../lib/protocol.js';

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

/** The samples shown, grouped dialect → family in catalogue order. */
function grouped(shown: CommandInfo[]) {
  return (['openim', 'tencent'] as const)
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
}

/** Arrow keys, Home and End move between the sample buttons (one list across the groups); Escape is the owner's. */
function moveFocus(event: KeyboardEvent<HTMLDivElement>, list: HTMLDivElement | null): void {
  const buttons = [...(list?.querySelectorAll<HTMLButtonElement>('button.sample-button') ?? [])];
  const at = buttons.indexOf(document.activeElement as HTMLButtonElement); // -1 when the focus is elsewhere
  if (at === -1) return;
  const last = buttons.length - 1;
  const next =
    event.key === 'ArrowDown'
      ? Math.min(last, at + 1)
      : event.key === 'ArrowUp'
        ? Math.max(0, at - 1)
        : event.key === 'Home'
          ? 0
          : event.key === 'End'
            ? last
            : null;
  if (next === null) return;
  // Home/End would otherwise also pick the table's first/last row (the window's shortcuts).
  event.preventDefault();
  event.stopPropagation();
  buttons[next]?.focus();
}

export interface SampleMenuProps {
  /** What choosing a sample does: send it (empty state, top bar) or load it into the Send form. */
  onPick: (info: CommandInfo) => void;
  /** The command chosen now (the Send form): marked `aria-current`. */
  current?: string;
  /** Focus the filter when the menu appears (it was opened on purpose). */
  autoFocus?: boolean;
}

/**
 * A sample for every catalogued command of both servers (the catalogue's samples, never a list written here),
 * grouped dialect → family, with a filter. Keyboard: type to narrow, Enter takes the first match, ↓ goes to the
 * samples, ↑/↓/Home/End move between them. One component for the empty state, the top bar's "Send sample" menu and
 * the Send dialog's command choice.
 */
export function SampleMenu({ onPick, current, autoFocus = false }: SampleMenuProps) {
  const samples = useMemo(() => sampleList(), []);
  const [filter, setFilter] = useState('');
  const id = useId();
  const list = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (autoFocus) input.current?.focus();
  }, [autoFocus]);
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  const shown = samples.filter((s) => matches(s, words));
  const groups = grouped(shown);
  const onFilterKey = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      list.current?.querySelector<HTMLButtonElement>('button.sample-button')?.focus();
    } else if (event.key === 'Enter') {
      // Inside the Send form, Enter here must not submit it.
      event.preventDefault();
      const first = shown[0];
      if (first && words.length > 0) onPick(first);
    }
  };
  return (
    <div className="sample-menu">
      <label className="field-label" htmlFor={`${id}-filter`}>
        Filter samples
      </label>
      <input
        ref={input}
        id={`${id}-filter`}
        type="search"
        value={filter}
        placeholder="message, group, C2C…"
        aria-controls={`${id}-list`}
        aria-describedby={`${id}-count`}
        onChange={(e) => setFilter(e.target.value)}
        onKeyDown={onFilterKey}
      />
      <p id={`${id}-count`} className="muted sample-count" aria-live="polite">
        {shown.length} of {samples.length} samples
        {words.length > 0 && shown.length > 0 ? ' · Enter takes the first' : ''}
      </p>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: arrow keys move between the buttons inside */}
      <div id={`${id}-list`} ref={list} className="sample-groups" onKeyDown={(e) => moveFocus(e, list.current)}>
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
                      aria-current={info.name === current ? 'true' : undefined}
                      onClick={() => onPick(info)}
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
