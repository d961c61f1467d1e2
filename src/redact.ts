/**
 * The one redaction step. A server that echoes the request's credentials (a fault text repeating the
 * Authorization header, an error page quoting the password) must not get them written to a log, a
 * report, a journal or the state store: every secret pi-sender reads is registered here, and
 * {@link redact} replaces it in every form a server may write it. The transport applies it to every
 * answer body, PiSenderError to every message, the CLI's logger and outputs to every line, the store to
 * every text column that holds an answer.
 */

/** What replaces a secret in any text that leaves the process or enters the store. */
export const REDACTED = '***';

/**
 * Secrets shorter than this are not redacted: replacing every "ab" of every text would destroy the
 * texts and reveal the secret by its absence. Such a password is refused by any real service anyway.
 */
const MIN_SECRET_LENGTH = 4;

/** Each registered form (raw, URL-encoded, Base64, XML- and JSON-escaped) with what replaces it. */
const forms = new Map<string, string>();
let pattern: RegExp | undefined;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function xmlEscaped(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/**
 * Registers a secret value: from now on {@link redact} replaces it, in every form a server or a
 * library may write it, by `replacement` (default `***`; the SIAFI operator's CPF is masked instead).
 */
export function registerSecret(value: string | undefined, replacement: string = REDACTED): void {
  if (value === undefined || value.length < MIN_SECRET_LENGTH) return;
  const variants = new Set([
    value,
    encodeURIComponent(value),
    encodeURIComponent(value).replace(/%20/g, '+'),
    Buffer.from(value, 'utf8').toString('base64'),
    Buffer.from(value, 'utf8').toString('base64').replace(/=+$/, ''),
    xmlEscaped(value),
    JSON.stringify(value).slice(1, -1),
  ]);
  let changed = false;
  for (const v of variants) {
    if (v.length < MIN_SECRET_LENGTH || forms.get(v) === replacement) continue;
    forms.set(v, replacement);
    changed = true;
  }
  if (changed) pattern = undefined;
}

/** Registers the credentials of a URL (`http://user:pass@proxy:3128`): the password, and the pair as Basic. */
export function registerUrlCredentials(url: string | undefined): void {
  if (!url) return;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return;
  }
  if (!u.password) return;
  const user = decodeURIComponent(u.username);
  const password = decodeURIComponent(u.password);
  registerSecret(password);
  registerSecret(`${user}:${password}`);
}

/** Replaces every registered secret in `text`. Cheap when nothing is registered or nothing matches. */
export function redact(text: string): string {
  if (forms.size === 0 || text.length < MIN_SECRET_LENGTH) return text;
  // Longest first, so that a Base64 pair is replaced whole before the password inside another form.
  pattern ??= new RegExp(
    [...forms.keys()]
      .sort((a, b) => b.length - a.length)
      .map(escapeRegExp)
      .join('|'),
    'g',
  );
  return text.replace(pattern, (m) => forms.get(m) ?? REDACTED);
}

/** {@link redact} for a text column that may hold no text: null (or nothing) stays null. */
export function redactOrNull(text: string | null | undefined): string | null {
  return text === null || text === undefined ? null : redact(text);
}

/** Forgets every registered secret (tests, and a library user who rotates credentials). */
export function clearSecrets(): void {
  forms.clear();
  pattern = undefined;
}
