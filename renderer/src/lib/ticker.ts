import { useSyncExternalStore } from 'react';

// One shared clock for every visible countdown: a single interval, running only while someone listens.
const listeners = new Set<() => void>();
let now = Date.now();
let timer: ReturnType<typeof setInterval> | null = null;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (timer === null) {
    // The clock stood still while nobody listened: a countdown that mounts now was rendered with that old time,
    // so it is told at once rather than one tick (100 ms) later.
    now = Date.now();
    queueMicrotask(listener);
    timer = setInterval(() => {
      now = Date.now();
      for (const l of listeners) l();
    }, 100);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== null) {
      clearInterval(timer);
      timer = null;
    }
  };
}

export function useNow(): number {
  return useSyncExternalStore(subscribe, () => now);
}
