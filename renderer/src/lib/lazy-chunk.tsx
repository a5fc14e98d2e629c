import { type ComponentType, lazy, type ReactElement } from 'react';

/**
 * Components whose code is a chunk of its own (dialogs, the rules and flows tabs): the main chunk stays small, and
 * each is fetched once the window is idle after its first render (`preloadChunksWhenIdle`) instead of when it first
 * opens — a dialog never shows "Loading…" for a moment. Once fetched, it renders at once (no Suspense fallback);
 * opened before that, React.lazy fetches it as before. A failed fetch is tried again on the next use.
 */
const fetchers: (() => Promise<unknown>)[] = [];

export function lazyChunk<P extends object>(load: () => Promise<ComponentType<P>>): (props: P) => ReactElement {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  const fetchChunk = (): Promise<ComponentType<P>> => {
    pending ??= load().then(
      (component) => {
        loaded = component;
        return component;
      },
      (error: unknown) => {
        pending = null;
        throw error;
      },
    );
    return pending;
  };
  const Lazy = lazy(() => fetchChunk().then((component) => ({ default: component })));
  fetchers.push(fetchChunk);
  return function Chunk(props: P) {
    const Component = loaded ?? Lazy;
    return <Component {...props} />;
  };
}

/** Fetches every lazyChunk when the browser is idle (the first render and its data come first). */
export function preloadChunksWhenIdle(): () => void {
  const run = (): void => {
    for (const fetchChunk of fetchers) fetchChunk().catch(() => undefined); // opened later, it is tried again
  };
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(run, { timeout: 2000 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(run, 200);
  return () => clearTimeout(id);
}
