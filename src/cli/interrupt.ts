/**
 * Ctrl-C (or SIGTERM) ends a run gracefully: the first one stops reading and waits for what is in
 * flight to be recorded; a second one quits at once.
 */

export function gracefulAbort(onFirst: () => void): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController();
  let count = 0;
  const handler = (): void => {
    count++;
    if (count === 1) {
      onFirst();
      controller.abort();
    } else {
      process.exit(130);
    }
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return {
    signal: controller.signal,
    dispose: () => {
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
    },
  };
}
