/**
 * `--metrics-file`: the state of the last export run as a Prometheus/OpenMetrics text file, for
 * node_exporter's textfile collector (`--collector.textfile.directory`). Written to a temporary file
 * and renamed, so the collector never reads half a file.
 */

import { t } from '../i18n/translate.js';
import { renameSync, writeFileSync } from 'node:fs';
import { PiSenderError } from '../errors.js';
import type { ExportSummary } from '../export/job.js';
import { PACKAGE_STATES } from '../store/store.js';

interface Metric {
  name: string;
  help: string;
  samples: Array<{ labels?: Record<string, string>; value: number }>;
}

const seconds = (iso: string): number => Date.parse(iso) / 1000;

/** The metrics of one run: what a monitoring rule needs to see a problem that goes quiet. */
export function exportMetrics(exitCode: number, summary: ExportSummary | undefined, now = new Date()): string {
  const metrics: Metric[] = [
    { name: 'pi_sender_last_run_timestamp_seconds', help: 'When the last export run ended (Unix time).', samples: [{ value: now.getTime() / 1000 }] },
    {
      name: 'pi_sender_last_run_exit_code',
      help: 'Exit code of the last export run (0 ok, 1 some refused, 2 a person must act, 3 the PI failing).',
      samples: [{ value: exitCode }],
    },
  ];
  if (summary) {
    const s = summary.status;
    metrics.push(
      { name: 'pi_sender_last_run_duration_seconds', help: 'How long the last export run took.', samples: [{ value: summary.durationMs / 1000 }] },
      {
        name: 'pi_sender_last_run_documentos',
        help: 'Documentos of the last run, by outcome.',
        samples: (['accepted', 'rejected', 'invalid', 'failed'] as const).map((outcome) => ({ labels: { outcome }, value: summary.send[outcome] })),
      },
      {
        name: 'pi_sender_packages',
        help: 'Packages in the state store, by state (NI waiting, I integrated, EN business error, FI infrastructure failure).',
        samples: PACKAGE_STATES.map((state) => ({ labels: { state }, value: s.counts[state] })),
      },
      { name: 'pi_sender_packages_fi_exhausted', help: 'FI packages past the attempt limit, no longer retried.', samples: [{ value: s.fiExhausted }] },
    );
    if (s.lastSuccessAt) {
      const last = seconds(s.lastSuccessAt);
      metrics.push(
        { name: 'pi_sender_last_success_timestamp_seconds', help: 'When the PI last accepted a Documento (Unix time).', samples: [{ value: last }] },
        {
          name: 'pi_sender_hours_since_last_success',
          help: 'Hours since the PI last accepted a Documento (the Portaria allows at most 48).',
          samples: [{ value: Math.max(0, now.getTime() / 1000 - last) / 3600 }],
        },
      );
    }
    if (s.oldestPendingAt) {
      metrics.push({
        name: 'pi_sender_oldest_pending_age_hours',
        help: 'Age of the oldest package not yet integrated, in hours.',
        samples: [{ value: Math.max(0, now.getTime() / 1000 - seconds(s.oldestPendingAt)) / 3600 }],
      });
    }
  }
  const lines: string[] = [];
  for (const m of metrics) {
    lines.push(`# HELP ${m.name} ${m.help}`, `# TYPE ${m.name} gauge`);
    for (const sample of m.samples) {
      const labels = sample.labels
        ? `{${Object.entries(sample.labels)
            .map(([k, v]) => `${k}="${v}"`)
            .join(',')}}`
        : '';
      lines.push(`${m.name}${labels} ${Number.isInteger(sample.value) ? sample.value : sample.value.toFixed(3)}`);
    }
  }
  lines.push('# EOF');
  return `${lines.join('\n')}\n`;
}

/** Writes the metrics file atomically (a temporary file beside it, then a rename). */
export function writeMetricsFile(file: string, text: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, text, { mode: 0o644 });
    renameSync(tmp, file);
  } catch (err) {
    throw new PiSenderError('ERR_FILE_WRITE', t('export.cannotWriteMetrics', { file, reason: (err as NodeJS.ErrnoException).code ?? (err as Error).message }), {
      file,
    });
  }
}
