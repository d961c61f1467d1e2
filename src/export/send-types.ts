/**
 * Types of the sending step, apart from it so that the library's declarations stay light.
 */

import type { Problem } from '../standard/problems.js';
import type { ExportConfig } from './config.js';

/** What sending needs from a configuration (the export job's, or a library sender's). */
export type SendSettings = Pick<ExportConfig, 'profile' | 'timeZone' | 'sending'> & { pi: Pick<ExportConfig['pi'], 'batchSize' | 'concurrency'> };

/** The outcome of one package in this run, as it is recorded. */
export interface PackageResult {
  packageId: number;
  protocolo: string;
  outcome: 'accepted' | 'rejected' | 'failed' | 'invalid';
  code: string | null;
  message: string | null;
  /** Attempts of this package so far (0 for one found invalid before sending). */
  attempts: number;
  /** Problems of an invalid Documento. */
  problems?: Problem[];
}

export interface SendCounts {
  /** Packages built and checked in this run. */
  due: number;
  accepted: number;
  rejected: number;
  invalid: number;
  failed: number;
  batches: number;
  batchSize: number;
}

