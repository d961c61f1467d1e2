/**
 * Reused buffers for request bodies made of many fragments (a batch of Documentos). Encoding each
 * batch into a new buffer allocates memory outside the heap at the speed of sending, which V8 counts
 * against the old generation's slack and answers with full collections of the sending thread's heap;
 * a few buffers used again and again do not.
 *
 * A buffer is given back only once its request is over and its answer read: by then undici has
 * written the whole body, or destroyed the socket it was writing to, so nothing reads it any more.
 */

/**
 * A piece of a request body: text, or bytes already in UTF-8 (a Documento's XML as a reader thread
 * encoded it: bytes cross threads without a copy, and this thread has no string to encode).
 */
export type BodyFragment = string | Uint8Array;

/** Buffers kept for reuse; a pipeline has a few requests in flight. */
const KEPT = 8;
/** Larger bodies get a buffer of their own, not kept. */
const MAX_KEPT_BYTES = 8 * 1024 * 1024;
/** The smallest buffer made, so that batches of slightly different sizes share one. */
const MIN_BYTES = 512 * 1024;

export class BodyBuffers {
  private free: Buffer[] = [];

  /** The fragments in UTF-8, in a buffer of this pool (a view of exactly their bytes). */
  encode(parts: readonly BodyFragment[]): Buffer {
    let size = 0;
    for (const p of parts) size += typeof p === 'string' ? Buffer.byteLength(p, 'utf8') : p.byteLength;
    const buffer = this.take(size);
    let at = 0;
    for (const p of parts) {
      if (typeof p === 'string') at += buffer.write(p, at, 'utf8');
      else {
        buffer.set(p, at);
        at += p.byteLength;
      }
    }
    return buffer.subarray(0, at);
  }

  /** Gives back a buffer {@link encode} returned, once nothing reads it any more. */
  release(body: Buffer): void {
    const whole = Buffer.from(body.buffer, 0, body.buffer.byteLength);
    if (whole.length > MAX_KEPT_BYTES || this.free.length >= KEPT) return;
    this.free.push(whole);
  }

  private take(size: number): Buffer {
    for (let i = this.free.length - 1; i >= 0; i--) {
      if (this.free[i]!.length >= size) return this.free.splice(i, 1)[0]!;
    }
    // Its own memory, not a slice of Node's shared pool: the whole buffer is what is given back.
    return Buffer.allocUnsafeSlow(Math.max(size, MIN_BYTES));
  }
}
