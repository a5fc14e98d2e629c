// Environment overrides for the desktop shell, used by tests and by people running several copies side by side.

export interface ShellEnv {
  /** CALLBACK_INSPECTOR_USER_DATA: user-data folder (settings, rules, capture history, window state). */
  userDataDir: string | null;
  /** CALLBACK_INSPECTOR_PORT: callback listener port for this run (0 = any free port). */
  listenerPort: number | null;
  /** CALLBACK_INSPECTOR_CONTROL_PORT: control API / UI port (0 = any free port). Default 10007, then any. */
  controlPort: number | null;
  /** Values that were set but not understood, to be logged. */
  warnings: string[];
}

function port(env: Record<string, string | undefined>, name: string, warnings: string[]): number | null {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return null;
  const n = Number(raw);
  if (Number.isInteger(n) && n >= 0 && n <= 65_535) return n;
  warnings.push(`${name}=${raw} is not a port number (0-65535); ignored`);
  return null;
}

export function readShellEnv(env: Record<string, string | undefined>): ShellEnv {
  const warnings: string[] = [];
  const dir = env.CALLBACK_INSPECTOR_USER_DATA?.trim();
  return {
    userDataDir: dir ? dir : null,
    listenerPort: port(env, 'CALLBACK_INSPECTOR_PORT', warnings),
    controlPort: port(env, 'CALLBACK_INSPECTOR_CONTROL_PORT', warnings),
    warnings,
  };
}
