/**
 * Fault injection for the simulators: what the next request gets, from a scripted sequence or at
 * random rates. Scripts make a test exact; rates make a soak test.
 */

import { t } from '../i18n/translate.js';
import { PiSenderError } from '../errors.js';
import { seededRandom } from './server.js';

/** What one request gets from the simulator (fault injection). */
export type Behaviour =
  /** answer normally */
  | { kind: 'ok' }
  /** HTTP 500 with a SOAP Server fault, or 502/503/504 with no body (503 with Retry-After: 1); nothing processed */
  | { kind: 'status'; status: number }
  /** close the connection before answering; nothing processed */
  | { kind: 'drop' }
  /** process the request (Documentos accepted), then close the connection without answering */
  | { kind: 'drop-after' }
  /** answer normally after a delay */
  | { kind: 'delay'; ms: number }
  /** HTTP 200 with a truncated envelope; nothing processed */
  | { kind: 'malformed' }
  /** HTTP 200 with an HTML page; nothing processed */
  | { kind: 'not-xml' }
  /** process, then answer one ResultadoDocumento fewer than sent */
  | { kind: 'count-mismatch' }
  /** process, then answer every Resultado as an unexpected text (neither Ok! nor NFxxx) */
  | { kind: 'garbage-result' }
  /** a NegocioFault without processing */
  | { kind: 'fault' }
  /** a SOAP fault whose text repeats the request's Authorization header and credentials (a careless server) */
  | { kind: 'echo-fault' }
  /** process, then answer every Resultado as an NF001 that repeats the request's credentials */
  | { kind: 'echo-result' };

/** Fault injection: a script of behaviours for the next requests, and random rates. */
export interface FaultOptions {
  /** Behaviours for the next requests, in order; after it runs out, the rates apply. */
  script?: Behaviour[] | string;
  /** Share of requests answered HTTP 500 or 503 (0..1). */
  failRate?: number;
  /** Share of requests whose connection is dropped (0..1). */
  dropRate?: number;
  /** Share of requests answered with a truncated envelope (0..1). */
  malformedRate?: number;
  /** Delay before every answer: milliseconds, or [min, max]. */
  delayMs?: number | [number, number];
  /** Seed for the random choices (default: random). */
  seed?: number;
}

const SIMPLE: Record<string, Behaviour> = {
  ok: { kind: 'ok' },
  drop: { kind: 'drop' },
  'drop-after': { kind: 'drop-after' },
  malformed: { kind: 'malformed' },
  'not-xml': { kind: 'not-xml' },
  'count-mismatch': { kind: 'count-mismatch' },
  'garbage-result': { kind: 'garbage-result' },
  fault: { kind: 'fault' },
  'echo-fault': { kind: 'echo-fault' },
  'echo-result': { kind: 'echo-result' },
};

/**
 * Parses a comma-separated script of behaviours, each optionally repeated (`503x3`), with `parse`
 * for one token; an unknown token is a usage error listing `known`.
 */
export function parseRepeatedScript<T>(script: string, parse: (token: string) => T | undefined, what: string, known: string): T[] {
  const out: T[] = [];
  for (const raw of script
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const m = /^(.*?)(?:x(\d+))?$/.exec(raw)!;
    const token = m[1]!;
    const b = parse(token);
    if (b === undefined) throw new PiSenderError('ERR_USAGE', t('sim.unknownToken', { what, token, known }));
    for (let i = 0; i < (m[2] ? Number(m[2]) : 1); i++) out.push(b);
  }
  return out;
}

/** Parses `ok,503,drop,delay=2000,malformed,count-mismatch,500,drop-after` (also `x3` repeats: `503x3`). */
export function parseScript(script: string): Behaviour[] {
  return parseRepeatedScript(
    script,
    (token) => {
      const b: Behaviour | undefined = SIMPLE[token];
      if (b) return b;
      if (/^[1-5]\d\d$/.test(token)) return { kind: 'status', status: Number(token) };
      const delay = /^delay=(\d+)$/.exec(token);
      return delay ? { kind: 'delay', ms: Number(delay[1]) } : undefined;
    },
    t('sim.fault'),
    'ok, 500, 503, drop, drop-after, delay=MS, malformed, not-xml, count-mismatch, garbage-result, fault, echo-fault, echo-result',
  );
}

export class FaultPlan {
  private script: Behaviour[];
  private readonly random: () => number;

  constructor(private readonly options: FaultOptions = {}) {
    this.script = typeof options.script === 'string' ? parseScript(options.script) : [...(options.script ?? [])];
    this.random = seededRandom(options.seed ?? Math.floor(Math.random() * 2 ** 32));
  }

  /** What the next request gets; a delay from `delayMs` comes on top of a normal answer. */
  next(): { behaviour: Behaviour; delayMs: number } {
    const o = this.options;
    const d = o.delayMs;
    const delayMs = d === undefined ? 0 : Array.isArray(d) ? d[0] + Math.floor(this.random() * (d[1] - d[0] + 1)) : d;
    const scripted = this.script.shift();
    if (scripted) return { behaviour: scripted, delayMs };
    const r = this.random();
    let edge = o.failRate ?? 0;
    if (r < edge) return { behaviour: { kind: 'status', status: this.random() < 0.5 ? 500 : 503 }, delayMs };
    edge += o.dropRate ?? 0;
    if (r < edge) return { behaviour: { kind: 'drop' }, delayMs };
    edge += o.malformedRate ?? 0;
    if (r < edge) return { behaviour: { kind: 'malformed' }, delayMs };
    return { behaviour: { kind: 'ok' }, delayMs };
  }
}
