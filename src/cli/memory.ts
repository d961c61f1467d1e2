/**
 * Memory tuning for the command line, which owns its process (the library never changes V8 flags).
 *
 * V8 lets the old generation grow to up to four times what survived the last full collection before
 * collecting again. Streaming a million rows produces plenty of short-lived garbage, so the heap
 * swings to several times its live set: the export benchmark peaked anywhere between 265 and 408 MB
 * for a live set under 60 MB, depending on when collections happened to fall. A fixed growing
 * factor of 1.5 keeps the peak near 240 MB at the same speed. V8 reads this flag at every
 * collection, so setting it at startup takes effect. The flag exists in the V8 of Node 20, 22 and 24.
 */

import v8 from 'node:v8';

/**
 * Flags the `pi-sender` command is started with, by the first line of its entry point (a test keeps
 * the two equal). The young generation is sized when V8 sets up the heap, so only the command line
 * can cap it; later `v8.setFlagsFromString` calls are ignored by Node 22 and 24. Left to itself it
 * grows with the allocation rate up to a size V8 derives from the machine's memory: on a 24 GiB
 * server, 134 MB under Node 24, which put `send` at 320 MB of RSS and made a long `validate` heavier
 * than a short one. 4 MB semi-spaces cost no measurable CPU in the bench (ADR 6).
 */
export const CLI_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=4'];

export function tuneHeapForStreaming(): void {
  v8.setFlagsFromString('--heap-growing-percent=50');
}
