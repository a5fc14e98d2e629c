import { useMemo } from 'react';
import { formatDialect } from '../lib/format.js';
import { sampleList } from '../lib/protocol.js';
import { sendSample } from '../store/command-actions.js';

/** One "send sample" button per catalogued relationship command of both servers. */
export function SampleButtons({ onSent }: { onSent?: () => void }) {
  const samples = useMemo(() => sampleList(), []);
  const groups = (['openim', 'tencent'] as const).map((dialect) => ({
    dialect,
    items: samples.filter((s) => s.dialect === dialect),
  }));
  return (
    <div className="sample-groups">
      {groups.map((group) => (
        <div key={group.dialect} className="sample-group">
          <h3>{formatDialect(group.dialect)}</h3>
          <div className="sample-buttons">
            {group.items.map((info) => (
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
    </div>
  );
}
