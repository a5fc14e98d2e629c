/** The backend URL of Send and Replay (remembered between openings by play-store). */
export function BackendUrlField({ value, onChange }: { value: string; onChange: (url: string) => void }) {
  return (
    <label className="field field-wide">
      <span className="field-label">Backend URL</span>
      <input type="url" required value={value} onChange={(e) => onChange(e.target.value)} />
    </label>
  );
}
