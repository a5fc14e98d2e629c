import { Field } from '../lib/Field.js';

/** The backend URL of Send and Replay (remembered between openings by play-store). */
export function BackendUrlField({ value, onChange }: { value: string; onChange: (url: string) => void }) {
  return (
    <Field label="Backend URL" className="field field-wide">
      <input type="url" required value={value} onChange={(e) => onChange(e.target.value)} />
    </Field>
  );
}
