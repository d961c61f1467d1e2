/**
 * The state store's plain types, kept apart from the store itself so that the library's public
 * declarations never need the SQLite driver's types.
 */

export type PackageState = 'NI' | 'I' | 'EN' | 'FI';
/**
 * Attempts of a failing package across runs before it waits for a resend (the SEI module's
 * TentativasReenvio). Here, with the plain types, so that a command reading it loads nothing heavy.
 */
export const DEFAULT_MAX_ATTEMPTS = 15;

export const PACKAGE_STATES: readonly PackageState[] = ['NI', 'I', 'EN', 'FI'];
export type { Access, ItemRecord, ProcessRecord } from '../standard/spe.js';

export interface PackageRow {
  id: number;
  process: string;
  protocolo: string | null;
  state: PackageState;
  attempts: number;
  code: string | null;
  message: string | null;
  origin: string | null;
  problems: string | null;
  xml: string | null;
  created_at: string;
  sent_at: string | null;
  state_at: string;
}

/** One answer a package got, as the attempts history keeps it. */
export interface AttemptRow {
  at: string;
  outcome: 'accepted' | 'rejected' | 'failed' | 'invalid';
  code: string | null;
  message: string | null;
  /** The Protocolo it was sent under. */
  protocolo: string | null;
}

export interface PackageOutcome {
  id: number;
  state: PackageState;
  code: string | null;
  message: string | null;
  origin: 'pi' | 'validation' | 'transport';
  xml: string | null;
  problems?: unknown;
  /** Whether this outcome counts as an attempt to send (validation failures do not). */
  attempted: boolean;
}

export interface StoreStatus {
  counts: Record<PackageState, number>;
  /** EN split by where the error came from: the PI (NFxxx) or pi-sender's own validation. */
  enFromPi: number;
  enFromValidation: number;
  /** FI packages that reached the attempt limit and are no longer retried automatically. */
  fiExhausted: number;
  lastSuccessAt: string | null;
  oldestPendingAt: string | null;
  lastRun: { id: number; startedAt: string; finishedAt: string | null; status: string; error: string | null } | null;
  watermark: string | null;
  items: number;
}

/** A day of a report: its name and its bounds, as ISO instants (UTC), `[start, end)`. */
export interface DayBounds {
  day: string;
  start: string;
  end: string;
}

/** What the store knows of a period, per day: the compliance report is made from these. */
export interface ComplianceFacts {
  runs: Array<{ day: string; runs: number; ok: number }>;
  outcomes: Array<{ day: string; outcome: string; n: number }>;
  /** Consecutive successful sends (a Documento accepted) further apart than the threshold. */
  gaps: Array<{ from: string; until: string }>;
  /** The first and last successful send in the period, and the last one before it. */
  firstSuccess: string | null;
  lastSuccess: string | null;
  successBefore: string | null;
  /** Packages waiting (not integrated, not refused) at the end of each day, and since when the oldest. */
  pending: Array<{ day: string; n: number; oldest: string | null }>;
  /** When the store first had anything: a run or a package. */
  firstActivity: string | null;
}

/** The console's filters of the package list (every one optional; instants are ISO, UTC). */
export interface PackageFilter {
  state?: PackageState;
  protocolo?: string;
  code?: string;
  /** Part of the name of a unit of the package's history items (UnidadeOperacao), any case. */
  unit?: string;
  createdFrom?: string;
  createdUntil?: string;
  sentFrom?: string;
  sentUntil?: string;
}

export const PACKAGE_SORTS = ['id', 'created_at', 'sent_at', 'state_at', 'protocolo', 'state', 'attempts'] as const;
export type PackageSort = (typeof PACKAGE_SORTS)[number];

/** A run, as the run history shows it. */
export interface RunRow {
  id: number;
  started_at: string;
  finished_at: string | null;
  status: string;
  since: string | null;
  until: string | null;
  counts: string | null;
  error: string | null;
}
