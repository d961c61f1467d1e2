/**
 * Ctrl-C (or SIGTERM) ends a run gracefully: the first one stops reading and starting batches and
 * waits for what is in flight to be recorded; a second one quits at once.
 */

import { EXIT } from './exit-codes.js';

export interface GracefulAbort {
  signal: AbortSignal;
  /** Which signal asked for the stop, if one did. */
  received(): NodeJS.Signals | undefined;
  /** The exit code of an interrupted run: 130 for SIGINT, 143 for SIGTERM. */
  exitCode(): 130 | 143;
  dispose: () => void;
}

export function gracefulAbort(onFirst: () => void): GracefulAbort {
  const controller = new AbortController();
  let first: NodeJS.Signals | undefined;
  const handler = (sig: NodeJS.Signals): void => {
    if (first === undefined) {
      first = sig;
      onFirst();
      controller.abort();
    } else {
      process.exit(sig === 'SIGTERM' ? EXIT.SIGTERM : EXIT.SIGINT);
    }
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return {
    signal: controller.signal,
    received: () => first,
    exitCode: () => (first === 'SIGTERM' ? EXIT.SIGTERM : EXIT.SIGINT),
    dispose: () => {
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
    },
  };
}

/**
 * Resolves on the first SIGINT or SIGTERM, for a command that runs until stopped (a schedule, a
 * simulator, the console). Call it before announcing that the process is ready: a signal sent on that
 * announcement, before a listener exists, would end the process with the default action instead.
 */
export function stopSignal(): Promise<void> {
  return new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}
