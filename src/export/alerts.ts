/**
 * Alerts after each run, as the SEI module's two e-mails, by webhook (JSON POST) and/or e-mail (SMTP):
 * - `failures`: packages in FI or EN that were not in the last alert, or a run that failed;
 * - `no-success`: nothing accepted by the PI for `noSuccessDays` days (the Portaria's 48 hours).
 * Each fires once per new situation, not on every run: the store keeps what was last alerted. An
 * alert no channel could deliver is tried again after the next run.
 */

import { formatInstant } from '../i18n/format.js';
import { t } from '../i18n/translate.js';
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import nodemailer from 'nodemailer';
import { Agent, request } from 'undici';
import type { Logger } from '../logging.js';
import { readSecret } from '../secrets.js';
import type { Store } from '../store/store.js';
import { DEFAULT_TIME_ZONE } from '../standard/datetime.js';
import type { AlertsConfig, ExportConfig } from './config.js';

export type AlertEvent = 'failures' | 'no-success' | 'run-failed' | 'test';

export interface Alert {
  event: AlertEvent;
  subject: string;
  message: string;
  host: string;
  store: string;
  at: string;
  details: Record<string, unknown>;
}

export interface AlertDelivery {
  event: AlertEvent;
  channels: string[];
  errors: string[];
}

export interface RunOutcome {
  /** The run's error, when it failed. */
  error?: { code: string; message: string };
}

const HOUR = 3600_000;

/** Decides which alerts are due after a run and sends them. */
export async function sendAlerts(store: Store, config: ExportConfig, outcome: RunOutcome, log: Logger, now = Date.now()): Promise<AlertDelivery[]> {
  const a = config.alerts;
  if (!a.webhook && !a.email) return [];
  const due: Array<{ alert: Alert; kind: string; key: string }> = [];
  const base = { host: hostname(), store: store.file, at: new Date(now).toISOString() };

  if (outcome.error) {
    const key = `${outcome.error.code}:${outcome.error.message}`;
    if (store.alertKey('run-failed') !== key) {
      due.push({
        kind: 'run-failed',
        key,
        alert: {
          ...base,
          event: 'run-failed',
          subject: t('alert.runFailed.subject'),
          message: t('alert.runFailed.message', { error: outcome.error.message }),
          details: { code: outcome.error.code, error: outcome.error.message },
        },
      });
    }
  } else if (store.alertKey('run-failed') !== undefined) {
    store.setAlertKey('run-failed', ''); // the trouble ended: the next failure is news again
  }

  const fresh = store.unalertedFailures();
  // The store's state once, for the failures and the no-success alerts alike.
  const status = store.status(config.sending.maxAttempts);
  const lastFailuresAlert = store.alertFiredAt('failures');
  // While packages stay EN or FI, the alert comes back on its period (daily by default, as the SEI
  // module's e-mail), so that a problem never goes quiet after its first report.
  const reminder =
    fresh.fi + fresh.en === 0 &&
    status.counts.EN + status.counts.FI > 0 &&
    a.failuresRepeatHours > 0 &&
    lastFailuresAlert !== undefined &&
    now - Date.parse(lastFailuresAlert) >= a.failuresRepeatHours * HOUR;
  if (fresh.fi + fresh.en > 0 || reminder) {
    const oldest = store.oldestFailures(10);
    const total = status.counts.EN + status.counts.FI;
    due.push({
      kind: 'failures',
      key: 'failures',
      alert: {
        ...base,
        event: 'failures',
        subject: reminder ? t('alert.failures.reminderSubject', { total }) : t('alert.failures.subject'),
        message: `${reminder ? t('alert.failures.reminder', { count: total }) : t('alert.failures.fresh', { count: fresh.fi + fresh.en })} ${t(
          'alert.failures.detail',
          {
            fi: status.counts.FI,
            fiExhausted: status.fiExhausted,
            en: status.counts.EN,
            enPi: status.enFromPi,
            enValidation: status.enFromValidation,
          },
        )}`,
        details: {
          newFi: fresh.fi,
          newEn: fresh.en,
          fi: status.counts.FI,
          fiExhausted: status.fiExhausted,
          en: status.counts.EN,
          enFromPi: status.enFromPi,
          enFromValidation: status.enFromValidation,
          reminder,
          examples: oldest.map((p) => ({
            protocolo: p.protocolo,
            state: p.state,
            since: p.state_at,
            ageHours: Math.floor((now - Date.parse(p.state_at)) / HOUR),
            code: p.code,
            message: p.message,
          })),
        },
      },
    });
  }

  if (a.noSuccessDays > 0) {
    const since = status.lastSuccessAt ?? store.firstRunAt();
    const hours = since ? (now - Date.parse(since)) / HOUR : 0;
    if (since && hours >= a.noSuccessDays * 24) {
      const key = status.lastSuccessAt ?? 'never';
      if (store.alertKey('no-success') !== key) {
        const days = Math.floor(hours / 24);
        const pending = status.counts.NI + (status.counts.FI - status.fiExhausted);
        due.push({
          kind: 'no-success',
          key,
          alert: {
            ...base,
            event: 'no-success',
            subject: t('alert.noSuccess.subject', { days }),
            message: `${t('alert.noSuccess.message', { days, when: formatInstant(status.lastSuccessAt, config.timeZone) })} ${
              pending > 0 ? t('alert.noSuccess.pending', { count: pending }) : t('alert.noSuccess.nothingPending')
            }`,
            details: { lastSuccessAt: status.lastSuccessAt, hoursSinceLastSuccess: Math.round(hours), pending },
          },
        });
      }
    }
  }

  const deliveries: AlertDelivery[] = [];
  for (const d of due) {
    const delivery = await deliver(d.alert, a, log, config.timeZone);
    deliveries.push(delivery);
    if (delivery.channels.length === 0) continue;
    if (d.kind === 'failures') store.markFailuresAlerted();
    store.setAlertKey(d.kind, d.key, base.at);
  }
  return deliveries;
}

async function deliver(alert: Alert, config: AlertsConfig, log: Logger, timeZone: string): Promise<AlertDelivery> {
  const result: AlertDelivery = { event: alert.event, channels: [], errors: [] };
  // A channel that fails does not keep the other from trying.
  const attempt = async (channel: 'webhook' | 'email', send: () => Promise<unknown>): Promise<void> => {
    try {
      await send();
      result.channels.push(channel);
    } catch (err) {
      result.errors.push(`${channel}: ${(err as Error).message}`);
    }
  };
  const { webhook, email } = config;
  if (webhook) await attempt('webhook', () => postWebhook(alert, webhook));
  if (email) await attempt('email', () => sendEmail(alert, email, timeZone));
  for (const e of result.errors) log.error({ event: alert.event }, t('alert.notDelivered', { error: e }));
  if (result.channels.length > 0) log.warn({ event: alert.event, channels: result.channels }, alert.subject);
  return result;
}

async function postWebhook(alert: Alert, webhook: NonNullable<AlertsConfig['webhook']>): Promise<void> {
  const agent = new Agent({
    connectTimeout: webhook.timeoutSeconds * 1000,
    headersTimeout: webhook.timeoutSeconds * 1000,
    bodyTimeout: webhook.timeoutSeconds * 1000,
  });
  try {
    const res = await request(webhook.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'pi-sender', ...webhook.headers },
      body: JSON.stringify(alert),
      dispatcher: agent,
    });
    await res.body.text();
    if (res.statusCode < 200 || res.statusCode >= 300) throw new Error(`HTTP ${res.statusCode}`);
  } finally {
    await agent.close();
  }
}

async function sendEmail(alert: Alert, email: NonNullable<AlertsConfig['email']>, timeZone: string): Promise<void> {
  const password = readSecret(email.passwordEnv, email.passwordFile, t('secret.smtpPassword'));
  const transport = nodemailer.createTransport({
    host: email.host,
    port: email.port,
    secure: email.secure,
    ...(email.user ? { auth: { user: email.user, pass: password ?? '' } } : {}),
    tls: { rejectUnauthorized: true, ...(email.ca ? { ca: readFileSync(email.ca) } : {}) },
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  });
  try {
    await transport.sendMail({ from: email.from, to: email.to.join(', '), subject: alert.subject, text: emailText(alert, timeZone) });
  } finally {
    transport.close();
  }
}

/** An age for people: `3 days`, `5 hours`, `less than an hour` (in the current language). */
export function ageText(hours: number): string {
  if (hours >= 48) return t('alert.ageDays', { count: Math.floor(hours / 24) });
  if (hours >= 1) return t('alert.ageHours', { count: Math.floor(hours) });
  return t('alert.ageLessThanHour');
}

/** The e-mail of an alert: its message, the oldest packages in sentences, where it came from. */
export function emailText(alert: Alert, timeZone = DEFAULT_TIME_ZONE): string {
  const examples = Array.isArray(alert.details['examples']) ? (alert.details['examples'] as Array<Record<string, unknown>>) : [];
  const lines = examples.map((e) => {
    const reason = [e['code'], e['message']].filter(Boolean).join(' - ');
    return t('alert.example', {
      protocolo: String(e['protocolo'] ?? '?'),
      state: String(e['state']),
      age: ageText(Number(e['ageHours'] ?? 0)),
      reason: reason ? ` (${reason})` : '',
    });
  });
  return [
    alert.message,
    ...(lines.length ? ['', t('alert.oldest'), ...lines] : []),
    '',
    t('alert.footer', { host: alert.host, when: formatInstant(alert.at, timeZone), store: alert.store }),
    '',
  ].join('\n');
}

/** Sends a test message through every configured channel: which worked, and why the others did not. */
export async function sendTestAlert(store: string, config: AlertsConfig, log: Logger, timeZone = DEFAULT_TIME_ZONE): Promise<AlertDelivery> {
  const alert: Alert = {
    event: 'test',
    subject: t('alert.test.subject'),
    message: t('alert.test.message'),
    host: hostname(),
    store,
    at: new Date().toISOString(),
    details: {},
  };
  return deliver(alert, config, log, timeZone);
}

/** For check-config: can the channels be reached (SMTP greeting; webhook URL syntax)? */
export async function verifyAlertChannels(config: AlertsConfig): Promise<string[]> {
  const notes: string[] = [];
  if (config.email) {
    const e = config.email;
    const transport = nodemailer.createTransport({
      host: e.host,
      port: e.port,
      secure: e.secure,
      connectionTimeout: 10_000,
      tls: { rejectUnauthorized: true },
    });
    try {
      await transport.verify();
      notes.push(t('alert.emailAnswers', { server: `${e.host}:${e.port}` }));
    } catch (err) {
      notes.push(t('alert.emailNoAnswer', { server: `${e.host}:${e.port}`, error: (err as Error).message }));
    } finally {
      transport.close();
    }
  }
  if (config.webhook) notes.push(t('alert.webhookNotCalled', { origin: new URL(config.webhook.url).origin }));
  return notes;
}
