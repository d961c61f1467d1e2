/**
 * The export job's configuration file (YAML or JSON): where the SPE's data comes from, how its
 * columns map to the data standard, where to send, the state store, alerts. Every problem is reported
 * at once with the file, the line and the key; secrets never live in it (only the names of the
 * environment variables or files that hold them).
 *
 * Resolution: defaults < config file < environment (PI_ENDPOINT, PI_USER, PI_PASSWORD, ...) < flags.
 */

import { applyConfiguredLanguage, parseLanguage, type Language } from '../i18n/language.js';
import { t } from '../i18n/translate.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { LineCounter, parseDocument, isMap } from 'yaml';
import { PiSenderError } from '../errors.js';
import type { CertificateFiles } from '../soap/tls.js';
import {
  QUERY_KINDS,
  SQL_TYPES,
  type AccessSpec,
  type FieldSpec,
  type MappingConfig,
  type OperacaoSpec,
  type SourceConfig,
  type SqlSourceConfig,
} from '../sources/config.js';
import { DEFAULT_TIME_ZONE, isValidTimeZone } from '../standard/datetime.js';
import { DEFAULT_MAX_ATTEMPTS } from '../store/types.js';
import type { Profile } from '../standard/model.js';
import { Checker, optional, type Path } from './config-checker.js';

export {
  QUERY_KINDS,
  SQL_TYPES,
  type AccessSpec,
  type FieldSpec,
  type FileSourceConfig,
  type MappingConfig,
  type OperacaoSpec,
  type QueryKind,
  type SourceConfig,
  type SqlSourceConfig,
  type SqlType,
  type XmlSourceConfig,
} from '../sources/config.js';

export interface PiConfig extends CertificateFiles {
  endpoint?: string;
  user?: string;
  passwordFile?: string;
  proxy?: string;
  proxyCredentialsFile?: string;
  timeoutSeconds: number;
  batchSize?: number;
  concurrency: number;
  /** `soap` (default) or `rest`; PI_TRANSPORT wins over it. */
  transport: 'soap' | 'rest';
  /** Read, keep and send interessados' CPF and natureza (REST only; default false): docs/rest.md. */
  sendCpf: boolean;
}

/** Days a package may stay EN or FI before `status` says a person must look (alerts.staleAfterDays). */
export const DEFAULT_STALE_AFTER_DAYS = 3;

export interface AlertsConfig {
  /** Alert when nothing was sent successfully for this many days (0: never). Default 2 (48 h). */
  noSuccessDays: number;
  /** A package EN or FI for longer than this many days makes `status` exit 1 (default 3). */
  staleAfterDays: number;
  /** While packages are EN or FI, the failures alert repeats this often, in hours (0: never; default 24, daily). */
  failuresRepeatHours: number;
  webhook?: { url: string; headers: Record<string, string>; timeoutSeconds: number };
  email?: {
    host: string;
    port: number;
    secure: boolean;
    user?: string;
    passwordEnv: string;
    passwordFile?: string;
    from: string;
    to: string[];
    ca?: string;
  };
}

export interface ExportConfig {
  file: string;
  /** The language of messages, alerts and help when neither PI_SENDER_LANG nor --lang chose one. */
  language?: Language;
  /** The agency's name, as the compliance report shows it. */
  agency?: string;
  source: SourceConfig;
  /** Absent for an XML source: its Documentos are already in the standard. */
  mapping?: MappingConfig;
  timeZone: string;
  publishRestrito: boolean;
  /**
   * When a withheld process (sigiloso, or restrito while not published) becomes publishable, send its
   * earlier movements too (default true: they were withheld only because of the access level).
   */
  publishEarlierMovements: boolean;
  profile: Profile;
  store: string;
  pi: PiConfig;
  sending: { maxAttempts: number; retries: number; retryDelayMs: number };
  /**
   * Where the next run starts: by default a time (the window :since/:until, local to timeZone, moved
   * back by overlapMinutes); with `column`, the largest value of that historico column read so far,
   * for SPEs without a "recorded at" column (a monotonic key: :since is the last one read).
   */
  watermark: { initial: string; overlapMinutes: number; column?: string };
  alerts: AlertsConfig;
}

const TOP = [
  'agency',
  'language',
  'source',
  'mapping',
  'timeZone',
  'publishRestrito',
  'publishEarlierMovements',
  'profile',
  'store',
  'pi',
  'sending',
  'watermark',
  'alerts',
] as const;

/** Reads and checks a configuration file. Relative paths in it are relative to the file. */
export function loadConfig(file: string, env: NodeJS.ProcessEnv = process.env): ExportConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new PiSenderError('ERR_CONFIG', t('config.cannotRead', { file, reason: (err as NodeJS.ErrnoException).code ?? (err as Error).message }), { file });
  }
  return parseConfig(text, file, env);
}

export function parseConfig(text: string, file: string, env: NodeJS.ProcessEnv = process.env): ExportConfig {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const line = e.linePos?.[0]?.line ?? 1;
    throw new PiSenderError('ERR_CONFIG', t('config.notYaml', { where: `${file}:${line}`, message: e.message.split('\n')[0] ?? '' }), { file, line });
  }
  if (!isMap(doc.contents)) throw new PiSenderError('ERR_CONFIG', t('config.notMapping', { where: `${file}:1` }), { file });
  const raw = doc.toJS() as Record<string, unknown>;
  // The file's language speaks from its first problem on (unless PI_SENDER_LANG or --lang chose one).
  const language = typeof raw['language'] === 'string' ? parseLanguage(raw['language']) : undefined;
  if (language) applyConfiguredLanguage(language);
  const c = new Checker(file, doc, lines);
  const dir = path.dirname(path.resolve(file));
  const rel = (p: string | undefined): string | undefined => (p === undefined ? undefined : path.resolve(dir, p));

  c.unknownKeys(raw, [], TOP);
  const source = withSourceEnv(c, checkSource(c, raw['source'], rel), env);
  const mapping =
    source?.type === 'xml' ? (raw['mapping'] !== undefined ? c.fail(['mapping'], t('config.xmlNoMapping')) : undefined) : checkMapping(c, raw['mapping']);
  if (raw['language'] !== undefined && !language) c.fail(['language'], t('config.unknownLanguage', { value: String(raw['language']) }));
  const agency = c.str(raw['agency'], ['agency'], false);
  const timeZone = c.str(raw['timeZone'], ['timeZone'], false) ?? DEFAULT_TIME_ZONE;
  if (!isValidTimeZone(timeZone)) c.fail(['timeZone'], t('config.unknownZone', { zone: timeZone }));
  const publishRestrito = c.bool(raw['publishRestrito'], ['publishRestrito'], false);
  const publishEarlierMovements = c.bool(raw['publishEarlierMovements'], ['publishEarlierMovements'], true);
  const profile = c.oneOf(raw['profile'], ['profile'], ['strict', 'lenient'] as const, 'strict') ?? 'strict';
  const store = (env['PI_SENDER_STORE'] || undefined) ?? rel(c.str(raw['store'], ['store'], false)) ?? path.join(dir, 'pi-sender.db');
  const pi = checkPi(c, c.obj(raw['pi'], ['pi'], false) ?? {}, rel, env);
  const sendingRaw = c.obj(raw['sending'], ['sending'], false) ?? {};
  c.unknownKeys(sendingRaw, ['sending'], ['maxAttempts', 'retries', 'retryDelayMs']);
  const sending = {
    maxAttempts: c.int(sendingRaw['maxAttempts'], ['sending', 'maxAttempts'], DEFAULT_MAX_ATTEMPTS, 1),
    retries: c.int(sendingRaw['retries'], ['sending', 'retries'], 5, 1),
    retryDelayMs: c.int(sendingRaw['retryDelayMs'], ['sending', 'retryDelayMs'], 1000, 1),
  };
  const wmRaw = c.obj(raw['watermark'], ['watermark'], false) ?? {};
  c.unknownKeys(wmRaw, ['watermark'], ['initial', 'overlapMinutes', 'column']);
  const column = c.str(wmRaw['column'], ['watermark', 'column'], false);
  const initial = c.str(wmRaw['initial'], ['watermark', 'initial'], false) ?? (column ? '0' : '2015-01-01 00:00:00');
  if (!column && !/^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2})?)?$/.test(initial)) c.fail(['watermark', 'initial'], t('config.badInitial', { value: initial }));
  // Stored as `YYYY-MM-DD HH:MM:SS`, local time of timeZone, the form the queries compare with.
  const full = initial.replace('T', ' ');
  const watermark = {
    initial: column ? initial : full.length === 10 ? `${full} 00:00:00` : full.length === 16 ? `${full}:00` : full,
    overlapMinutes: c.int(wmRaw['overlapMinutes'], ['watermark', 'overlapMinutes'], 60, 0),
    ...(column ? { column } : {}),
  };
  const alerts = checkAlerts(c, c.obj(raw['alerts'], ['alerts'], false) ?? {}, rel, env);

  if (c.errors.length > 0) {
    throw new PiSenderError('ERR_CONFIG', `${t('config.problems', { count: c.errors.length })}\n  ${c.errors.join('\n  ')}`, { file });
  }
  return {
    file: path.resolve(file),
    ...(language ? { language } : {}),
    ...(agency ? { agency } : {}),
    source: source!,
    ...(mapping ? { mapping } : {}),
    timeZone,
    publishRestrito,
    publishEarlierMovements,
    profile,
    store,
    pi,
    sending,
    watermark,
    alerts,
  };
}

/** A connection URL that carries a password (`postgres://user:secret@host/db`): refused, from the file or the environment. */
const URL_WITH_PASSWORD = /:\/\/[^/@:]+:[^/@]+@/;

function checkSource(c: Checker, v: unknown, rel: (p: string | undefined) => string | undefined): SourceConfig | undefined {
  const o = c.obj(v, ['source']);
  if (!o) return undefined;
  const type = c.oneOf(o['type'], ['source', 'type'], [...SQL_TYPES, 'csv', 'jsonl', 'xml'] as const);
  if (!type) return undefined;
  const p = ['source'];
  const afterReading = (): 'move' | 'keep' => c.oneOf(o['afterReading'], [...p, 'afterReading'], ['move', 'keep'] as const, 'move') ?? 'move';
  if (type === 'xml') {
    c.unknownKeys(o, p, ['type', 'folder', 'pattern', 'afterReading', 'readFolder']);
    return {
      type,
      folder: rel(c.str(o['folder'], [...p, 'folder'])) ?? '',
      pattern: c.str(o['pattern'], [...p, 'pattern'], false) ?? '*.xml',
      afterReading: afterReading(),
      readFolder: c.str(o['readFolder'], [...p, 'readFolder'], false) ?? 'lidos',
    };
  }
  if (type === 'csv' || type === 'jsonl') {
    c.unknownKeys(o, p, ['type', 'folder', 'files', 'delimiter', 'encoding', 'afterReading', 'readFolder']);
    const files = c.obj(o['files'], [...p, 'files']) ?? {};
    c.unknownKeys(files, [...p, 'files'], QUERY_KINDS);
    const delimiter = c.str(o['delimiter'], [...p, 'delimiter'], false) ?? ',';
    if (delimiter.length !== 1) c.fail([...p, 'delimiter'], t('config.oneCharacter'));
    return {
      type,
      folder: rel(c.str(o['folder'], [...p, 'folder'])) ?? '',
      files: {
        processos: c.str(files['processos'], [...p, 'files', 'processos']) ?? '',
        historico: c.str(files['historico'], [...p, 'files', 'historico']) ?? '',
        ...optional('interessados', c.str(files['interessados'], [...p, 'files', 'interessados'], false)),
        ...optional('relacionados', c.str(files['relacionados'], [...p, 'files', 'relacionados'], false)),
      },
      delimiter,
      encoding: c.oneOf(o['encoding'], [...p, 'encoding'], ['utf-8', 'latin1'] as const, 'utf-8') ?? 'utf-8',
      afterReading: afterReading(),
      readFolder: c.str(o['readFolder'], [...p, 'readFolder'], false) ?? 'lidos',
    };
  }
  c.unknownKeys(o, p, ['type', 'url', 'host', 'port', 'database', 'user', 'path', 'passwordEnv', 'passwordFile', 'ssl', 'queries']);
  const url = c.str(o['url'], [...p, 'url'], false);
  if (url && URL_WITH_PASSWORD.test(url)) c.fail([...p, 'url'], t('config.urlPassword'));
  const q = c.obj(o['queries'], [...p, 'queries']) ?? {};
  c.unknownKeys(q, [...p, 'queries'], QUERY_KINDS);
  const queries = {
    processos: c.str(q['processos'], [...p, 'queries', 'processos']) ?? '',
    historico: c.str(q['historico'], [...p, 'queries', 'historico']) ?? '',
    ...optional('interessados', c.str(q['interessados'], [...p, 'queries', 'interessados'], false)),
    ...optional('relacionados', c.str(q['relacionados'], [...p, 'queries', 'relacionados'], false)),
  };
  if (type === 'sqlite' && !o['path']) c.fail([...p, 'path'], t('config.sqlitePath'));
  let ssl: SqlSourceConfig['ssl'];
  if (o['ssl'] !== undefined) {
    if (typeof o['ssl'] === 'boolean') ssl = o['ssl'];
    else {
      const s = c.obj(o['ssl'], [...p, 'ssl']);
      const ca = rel(c.str(s?.['ca'], [...p, 'ssl', 'ca']));
      if (ca) ssl = { ca };
    }
  }
  return {
    type,
    ...optional('url', url),
    ...optional('host', c.str(o['host'], [...p, 'host'], false)),
    ...optional('port', o['port'] === undefined ? undefined : c.int(o['port'], [...p, 'port'], 0, 1)),
    ...optional('database', c.str(o['database'], [...p, 'database'], false)),
    ...optional('user', c.str(o['user'], [...p, 'user'], false)),
    ...optional('path', rel(c.str(o['path'], [...p, 'path'], false))),
    passwordEnv: c.str(o['passwordEnv'], [...p, 'passwordEnv'], false) ?? 'PI_SPE_PASSWORD',
    ...optional('passwordFile', rel(c.str(o['passwordFile'], [...p, 'passwordFile'], false))),
    ...optional('ssl', ssl),
    queries,
  };
}

/**
 * Deployment settings from the environment, over the file: a container or a systemd unit points the
 * same YAML at another database without editing it. PI_SENDER_SPE_URL, _HOST, _PORT, _DATABASE, _USER
 * and _PATH for a database source; PI_SENDER_SPE_FOLDER for a folder source.
 */
function withSourceEnv(c: Checker, source: SourceConfig | undefined, env: NodeJS.ProcessEnv): SourceConfig | undefined {
  if (!source) return source;
  const v = (name: string): string | undefined => env[`PI_SENDER_SPE_${name}`] || undefined;
  if (source.type === 'csv' || source.type === 'jsonl' || source.type === 'xml') {
    const folder = v('FOLDER');
    return folder ? { ...source, folder: path.resolve(folder) } : source;
  }
  const port = v('PORT');
  if (port !== undefined && !/^\d+$/.test(port)) c.fail(['source', 'port'], t('config.envPort', { value: port }));
  const url = v('URL');
  if (url && URL_WITH_PASSWORD.test(url)) c.fail(['source', 'url'], t('config.envUrlPassword'));
  return {
    ...source,
    ...optional('url', url),
    ...optional('host', v('HOST')),
    ...optional('port', port === undefined ? undefined : Number(port)),
    ...optional('database', v('DATABASE')),
    ...optional('user', v('USER')),
    ...optional('path', v('PATH') === undefined ? undefined : path.resolve(v('PATH')!)),
  };
}

function checkMapping(c: Checker, v: unknown): MappingConfig | undefined {
  const m = c.obj(v, ['mapping']);
  if (!m) return undefined;
  c.unknownKeys(m, ['mapping'], ['processo', 'interessado', 'relacionado', 'historico']);
  const pr = c.obj(m['processo'], ['mapping', 'processo']) ?? {};
  c.unknownKeys(pr, ['mapping', 'processo'], ['id', 'Protocolo', 'DataHoraProducao', 'Especie', 'Assunto', 'access']);
  const f = (o: Record<string, unknown>, base: Path, key: string): FieldSpec => c.field(o[key], [...base, key]) ?? { value: '' };
  const processo = {
    id: f(pr, ['mapping', 'processo'], 'id'),
    Protocolo: f(pr, ['mapping', 'processo'], 'Protocolo'),
    DataHoraProducao: f(pr, ['mapping', 'processo'], 'DataHoraProducao'),
    Especie: pr['Especie'] === undefined ? { value: 'Processo' } : f(pr, ['mapping', 'processo'], 'Especie'),
    Assunto: f(pr, ['mapping', 'processo'], 'Assunto'),
    access: checkAccess(c, pr['access']),
  };
  const pair = <A extends string, B extends string>(
    key: 'interessado' | 'relacionado',
    a: A,
    b: B,
    optionalKeys: readonly string[] = [],
  ): (Record<A | B, FieldSpec> & Partial<Record<string, FieldSpec>>) | undefined => {
    const o = c.obj(m[key], ['mapping', key], false);
    if (!o) return undefined;
    c.unknownKeys(o, ['mapping', key], [a, b, ...optionalKeys]);
    const out: Record<string, FieldSpec> = { [a]: f(o, ['mapping', key], a), [b]: f(o, ['mapping', key], b) };
    for (const k of optionalKeys) if (o[k] !== undefined && o[k] !== null) out[k] = f(o, ['mapping', key], k);
    return out as Record<A | B, FieldSpec>;
  };
  const h = c.obj(m['historico'], ['mapping', 'historico']) ?? {};
  c.unknownKeys(h, ['mapping', 'historico'], ['id', 'processo', 'DataHoraOperacao', 'UnidadeOperacao', 'Operacao']);
  // cpf and natureza: the REST API's fields, read only while pi.sendCpf is on.
  const interessado = pair('interessado', 'processo', 'NomeInteressado', ['cpf', 'natureza']);
  const relacionado = pair('relacionado', 'processo', 'ProtocoloRelacionado');
  return {
    processo,
    ...(interessado ? { interessado } : {}),
    ...(relacionado ? { relacionado } : {}),
    historico: {
      id: f(h, ['mapping', 'historico'], 'id'),
      processo: f(h, ['mapping', 'historico'], 'processo'),
      DataHoraOperacao: f(h, ['mapping', 'historico'], 'DataHoraOperacao'),
      UnidadeOperacao: h['UnidadeOperacao'] === undefined ? { value: '' } : f(h, ['mapping', 'historico'], 'UnidadeOperacao'),
      Operacao: checkOperacao(c, h['Operacao']),
    },
  };
}

function checkAccess(c: Checker, v: unknown): AccessSpec {
  const p = ['mapping', 'processo', 'access'];
  const empty: AccessSpec = { publico: [], restrito: [], sigiloso: [] };
  if (v === undefined || v === null) {
    c.fail(p, t('config.missingAccess'));
    return empty;
  }
  const o = c.obj(v, p);
  if (!o) return empty;
  c.unknownKeys(o, p, ['column', 'value', 'publico', 'restrito', 'sigiloso']);
  if (o['value'] !== undefined) {
    const value = c.oneOf(o['value'], [...p, 'value'], ['publico', 'restrito', 'sigiloso'] as const);
    return value ? { ...empty, value } : empty;
  }
  const spec: AccessSpec = {
    column: c.str(o['column'], [...p, 'column']) ?? '',
    publico: c.strList(o['publico'], [...p, 'publico']) ?? [],
    restrito: c.strList(o['restrito'], [...p, 'restrito']) ?? [],
    sigiloso: c.strList(o['sigiloso'], [...p, 'sigiloso']) ?? [],
  };
  if (spec.publico.length === 0) c.fail([...p, 'publico'], t('config.missingPublico'));
  return spec;
}

function checkOperacao(c: Checker, v: unknown): FieldSpec | OperacaoSpec {
  const p = ['mapping', 'historico', 'Operacao'];
  if (typeof v === 'object' && v !== null && !Array.isArray(v) && 'task' in v) {
    const o = v as Record<string, unknown>;
    c.unknownKeys(o, p, ['task', 'messages', 'otherTasks']);
    const msgs = c.obj(o['messages'], [...p, 'messages']) ?? {};
    const messages: Record<string, FieldSpec | null> = {};
    // Here a text is the Operacao itself (with or without {placeholders}), never a column name.
    const text = (v2: unknown, at: Path): FieldSpec | null =>
      typeof v2 === 'string' || typeof v2 === 'number' ? { template: String(v2) } : (c.field(v2, at) ?? null);
    for (const [code, m] of Object.entries(msgs)) messages[code] = m === null ? null : text(m, [...p, 'messages', code]);
    const other = o['otherTasks'];
    return {
      task: c.str(o['task'], [...p, 'task']) ?? '',
      messages,
      otherTasks: other === undefined || other === 'skip' ? 'skip' : (text(other, [...p, 'otherTasks']) ?? 'skip'),
    };
  }
  return c.field(v, p) ?? { value: '' };
}

function checkPi(c: Checker, o: Record<string, unknown>, rel: (p: string | undefined) => string | undefined, env: NodeJS.ProcessEnv): PiConfig {
  const p = ['pi'];
  c.unknownKeys(o, p, [
    'endpoint',
    'user',
    'passwordFile',
    'ca',
    'cert',
    'key',
    'pfx',
    'certPassphraseFile',
    'proxy',
    'proxyCredentialsFile',
    'timeoutSeconds',
    'batchSize',
    'concurrency',
    'transport',
    'sendCpf',
    'password',
  ]);
  if (o['password'] !== undefined) c.fail([...p, 'password'], t('config.piPassword'));
  const endpoint = env['PI_ENDPOINT'] || c.str(o['endpoint'], [...p, 'endpoint'], false);
  const user = env['PI_USER'] || c.str(o['user'], [...p, 'user'], false);
  const batchSize = o['batchSize'] === undefined ? undefined : c.int(o['batchSize'], [...p, 'batchSize'], 100, 1);
  return {
    ...optional('endpoint', endpoint),
    ...optional('user', user),
    ...optional('passwordFile', rel(c.str(o['passwordFile'], [...p, 'passwordFile'], false))),
    ...optional(
      'ca',
      c.strList(o['ca'], [...p, 'ca'])?.map((f) => rel(f)!),
    ),
    ...optional('cert', rel(c.str(o['cert'], [...p, 'cert'], false))),
    ...optional('key', rel(c.str(o['key'], [...p, 'key'], false))),
    ...optional('pfx', rel(c.str(o['pfx'], [...p, 'pfx'], false))),
    ...optional('certPassphraseFile', rel(c.str(o['certPassphraseFile'], [...p, 'certPassphraseFile'], false))),
    ...optional('proxy', c.str(o['proxy'], [...p, 'proxy'], false)),
    ...optional('proxyCredentialsFile', rel(c.str(o['proxyCredentialsFile'], [...p, 'proxyCredentialsFile'], false))),
    timeoutSeconds: c.int(o['timeoutSeconds'], [...p, 'timeoutSeconds'], 120, 1),
    ...optional('batchSize', batchSize),
    concurrency: c.int(o['concurrency'], [...p, 'concurrency'], 2, 1),
    transport:
      ((env['PI_TRANSPORT'] || undefined) as 'soap' | 'rest' | undefined) ??
      c.oneOf(o['transport'], [...p, 'transport'], ['soap', 'rest'] as const, 'soap') ??
      'soap',
    sendCpf: c.bool(o['sendCpf'], [...p, 'sendCpf'], false),
  };
}

/** `daily` (default), `hourly`, `weekly`, `never`, or a number of hours or days: `12h`, `2d`. */
function repeatHours(c: Checker, v: unknown, p: Path): number {
  if (v === undefined || v === null) return 24;
  const named: Record<string, number> = { hourly: 1, daily: 24, weekly: 168, never: 0 };
  const text = String(v).trim().toLowerCase();
  if (text in named) return named[text]!;
  const m = /^(\d+)\s*([hd])$/.exec(text);
  if (m) return Number(m[1]) * (m[2] === 'd' ? 24 : 1);
  return c.fail(p, t('config.badPeriod', { value: String(v) })) ?? 24;
}

function checkAlerts(c: Checker, o: Record<string, unknown>, rel: (p: string | undefined) => string | undefined, env: NodeJS.ProcessEnv): AlertsConfig {
  const p = ['alerts'];
  c.unknownKeys(o, p, ['noSuccessDays', 'staleAfterDays', 'failures', 'webhook', 'email']);
  const failures = c.obj(o['failures'], [...p, 'failures'], false) ?? {};
  c.unknownKeys(failures, [...p, 'failures'], ['repeat']);
  const alerts: AlertsConfig = {
    noSuccessDays: c.int(o['noSuccessDays'], [...p, 'noSuccessDays'], 2, 0),
    staleAfterDays: c.int(o['staleAfterDays'], [...p, 'staleAfterDays'], DEFAULT_STALE_AFTER_DAYS, 1),
    failuresRepeatHours: repeatHours(c, failures['repeat'], [...p, 'failures', 'repeat']),
  };
  const w = c.obj(o['webhook'], [...p, 'webhook'], false);
  if (w) {
    c.unknownKeys(w, [...p, 'webhook'], ['url', 'headers', 'timeoutSeconds']);
    const url = (env['PI_SENDER_ALERT_WEBHOOK_URL'] || undefined) ?? c.str(w['url'], [...p, 'webhook', 'url']) ?? '';
    if (url && !/^https?:\/\//.test(url)) c.fail([...p, 'webhook', 'url'], t('config.httpUrl'));
    const headers = (c.obj(w['headers'], [...p, 'webhook', 'headers'], false) ?? {}) as Record<string, string>;
    alerts.webhook = {
      url,
      headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, String(v)])),
      timeoutSeconds: c.int(w['timeoutSeconds'], [...p, 'webhook', 'timeoutSeconds'], 10, 1),
    };
  }
  const e = c.obj(o['email'], [...p, 'email'], false);
  if (e) {
    const b = [...p, 'email'];
    c.unknownKeys(e, b, ['host', 'port', 'secure', 'user', 'passwordEnv', 'passwordFile', 'from', 'to', 'ca', 'password']);
    if (e['password'] !== undefined) c.fail([...b, 'password'], t('config.smtpPassword'));
    const fromEnv = env['PI_SENDER_ALERT_EMAIL_TO']
      ?.split(',')
      .map((x) => x.trim())
      .filter(Boolean);
    const to = fromEnv && fromEnv.length > 0 ? fromEnv : (c.strList(e['to'], [...b, 'to']) ?? []);
    if (to.length === 0) c.fail([...b, 'to'], t('config.missingTo'));
    const secure = c.bool(e['secure'], [...b, 'secure'], false);
    alerts.email = {
      host: c.str(e['host'], [...b, 'host']) ?? '',
      port: c.int(e['port'], [...b, 'port'], secure ? 465 : 587, 1),
      secure,
      ...optional('user', c.str(e['user'], [...b, 'user'], false)),
      passwordEnv: c.str(e['passwordEnv'], [...b, 'passwordEnv'], false) ?? 'PI_SMTP_PASSWORD',
      ...optional('passwordFile', rel(c.str(e['passwordFile'], [...b, 'passwordFile'], false))),
      from: c.str(e['from'], [...b, 'from']) ?? '',
      to,
      ...optional('ca', rel(c.str(e['ca'], [...b, 'ca'], false))),
    };
  }
  return alerts;
}
