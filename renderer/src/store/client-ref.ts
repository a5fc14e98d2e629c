import type { ConnectionConfig } from '../api/connection.js';
import { ControlClient } from '../api/control-client.js';

let current: { client: ControlClient; config: ConnectionConfig } | null = null;

/** Set once at start-up (main.tsx); actions reach the engine through it. */
export function setConnection(config: ConnectionConfig): ControlClient {
  current = { client: new ControlClient(config), config };
  return current.client;
}

export function client(): ControlClient {
  if (!current) throw new Error('control client used before start-up');
  return current.client;
}

export function connectionConfig(): ConnectionConfig {
  if (!current) throw new Error('connection used before start-up');
  return current.config;
}
