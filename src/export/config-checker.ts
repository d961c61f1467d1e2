/**
 * The checker behind the export configuration: reads values out of a parsed YAML/JSON document and
 * collects every problem with the file, the line and the key, so that all are reported at once.
 */

import { t } from '../i18n/translate.js';
import type { Document, LineCounter } from 'yaml';
import type { FieldSpec } from '../sources/config.js';

export type Path = Array<string | number>;

export class Checker {
  readonly errors: string[] = [];
  constructor(
    private readonly file: string,
    private readonly doc: Document,
    private readonly lines: LineCounter,
  ) {}

  lineOf(p: Path): number {
    for (let k = p.length; k >= 0; k--) {
      const node = this.doc.getIn(p.slice(0, k), true) as { range?: [number, number, number] } | undefined;
      const range = node?.range ?? (k === 0 ? (this.doc.contents as { range?: [number, number, number] } | null)?.range : undefined);
      if (range) return this.lines.linePos(range[0]).line;
    }
    return 1;
  }

  fail(p: Path, message: string): undefined {
    this.errors.push(`${this.file}:${this.lineOf(p)}: ${p.join('.') || t('config.top')}: ${message}`);
    return undefined;
  }

  obj(v: unknown, p: Path, required = true): Record<string, unknown> | undefined {
    if (v === undefined || v === null) return required ? this.fail(p, t('config.missing')) : undefined;
    if (typeof v !== 'object' || Array.isArray(v)) return this.fail(p, t('config.mustBeMapping'));
    return v as Record<string, unknown>;
  }

  str(v: unknown, p: Path, required = true): string | undefined {
    if (v === undefined || v === null) return required ? this.fail(p, t('config.missing')) : undefined;
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    if (typeof v !== 'string' || v.trim() === '') return this.fail(p, t('config.mustBeText'));
    return v;
  }

  int(v: unknown, p: Path, def: number, min = 0): number {
    if (v === undefined || v === null) return def;
    const n = typeof v === 'string' ? Number(v) : v;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < min) return this.fail(p, t('config.mustBeInteger', { min })) ?? def;
    return n;
  }

  bool(v: unknown, p: Path, def: boolean): boolean {
    if (v === undefined || v === null) return def;
    if (typeof v !== 'boolean') return this.fail(p, t('config.mustBeBoolean')) ?? def;
    return v;
  }

  oneOf<T extends string>(v: unknown, p: Path, choices: readonly T[], def?: T): T | undefined {
    if (v === undefined || v === null) return def ?? this.fail(p, t('config.missingChoice', { choices: choices.join(', ') }));
    if (typeof v !== 'string' || !choices.includes(v as T)) return this.fail(p, t('config.mustBeOneOf', { choices: choices.join(', '), value: String(v) }));
    return v as T;
  }

  strList(v: unknown, p: Path): string[] | undefined {
    if (v === undefined || v === null) return undefined;
    const list = Array.isArray(v) ? v : [v];
    if (list.some((x) => typeof x !== 'string' && typeof x !== 'number')) return this.fail(p, t('config.mustBeTexts'));
    return list.map(String);
  }

  /** `column`, `"{a} - {b}"` (template), `{ value: ... }`, `{ column: ... }` or `{ template: ... }`. */
  field(v: unknown, p: Path, required = true): FieldSpec | undefined {
    if (v === undefined || v === null) return required ? this.fail(p, t('config.missingField')) : undefined;
    if (typeof v === 'string') {
      if (v.trim() === '') return this.fail(p, t('config.mustNotBeEmpty'));
      return /\{[^{}]+\}/.test(v) ? { template: v } : { column: v };
    }
    if (typeof v === 'object' && !Array.isArray(v)) {
      const o = v as Record<string, unknown>;
      const keys = Object.keys(o);
      if (keys.length === 1 && keys[0] === 'value' && (typeof o['value'] === 'string' || typeof o['value'] === 'number')) return { value: String(o['value']) };
      if (keys.length === 1 && keys[0] === 'column') return { column: this.str(o['column'], [...p, 'column']) ?? '' };
      if (keys.length === 1 && keys[0] === 'template') return { template: this.str(o['template'], [...p, 'template']) ?? '' };
    }
    return this.fail(p, t('config.badField'));
  }

  unknownKeys(o: Record<string, unknown>, p: Path, known: readonly string[]): void {
    for (const k of Object.keys(o)) if (!known.includes(k)) this.fail([...p, k], t('config.unknownKey', { known: known.join(', ') }));
  }
}

/** `{ key: value }` when the value is set, `{}` otherwise: for optional properties. */
export function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}
