/**
 * A validator compiled from our XSD files that can only say "valid": it accepts a Documento's XML when
 * it is sure libxml2 would, and otherwise leaves the verdict, and every message, to libxml2 (the
 * reference engine, xsd.ts). Most Documentos are valid, so most never reach libxml2 (ADR 0009).
 *
 * Sure means: the XML is in the plain form our writer emits (start and end tags without attributes,
 * text with the five predefined entities and character references; whitespace between elements), and
 * the schema uses only what this file understands. Anything else, in the XML or in the schema, is
 * "not sure", never "invalid". The differential test (test/standard/compiled-schema.test.ts) checks
 * that nothing accepted here is refused by libxml2, over the samples and generated mutants.
 */

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SaxesParser } from './saxes-parser.js';
import { asciiDigits as digits } from './datetime.js';
import { decodeReferences } from './references.js';
import type { DocumentoDraft } from './model.js';
import { OMITTED_WHEN_EMPTY, REPEATED_ELEMENTS, WRITTEN_CHILDREN } from './writer.js';

const XS = 'http://www.w3.org/2001/XMLSchema';

/** A schema construct this compiler does not handle: the schema is then left to libxml2 alone. */
export class UnsupportedSchemaError extends Error {}

interface XsdNode {
  name: string;
  attributes: Record<string, string>;
  children: XsdNode[];
}

/** An element's text checks, every derivation step of its simple type merged. */
interface SimpleType {
  kind: 'simple';
  builtin: 'string' | 'dateTime';
  minLength: number;
  maxLength: number;
  /** One regular expression per derivation step that has patterns: the value must match each. */
  patterns: RegExp[];
  /** Allowed values, when some step lists an enumeration (each such step must allow the value). */
  enumerations: ReadonlySet<string>[];
}

interface Particle {
  name: string;
  /** `<name>` and `</name>`, as the plain form writes them. */
  open: string;
  close: string;
  min: number;
  max: number;
  type: SimpleType | ComplexType;
  /**
   * For a complex element: the keys of a draft the writer turns into its children, each with the
   * particle it must match; null when the writer's layout does not fit this element's type (then
   * a draft is "not sure", and its XML is walked instead).
   */
  draft?: DraftChild[] | null;
}

/** A key of a draft written as children of an element (writer.ts's WRITTEN_CHILDREN). */
interface DraftChild {
  key: string;
  /** The particle its elements must match; undefined when the type has none of that name. */
  particle: Particle | undefined;
  /** An array in the draft, one element per entry. */
  repeated: boolean;
  /** The array key whose emptiness makes the writer leave this element out. */
  omittedWhenEmpty: string | undefined;
}

interface ComplexType {
  kind: 'complex';
  group: 'sequence' | 'all';
  particles: Particle[];
}

/** Parses one XSD file into a plain tree of its xs: elements (comments and text dropped). */
function parseXsd(file: string): XsdNode {
  const parser = new SaxesParser({ xmlns: true });
  const stack: XsdNode[] = [];
  let root: XsdNode | undefined;
  parser.on('opentag', (tag) => {
    if (tag.uri !== XS) throw new UnsupportedSchemaError(`${path.basename(file)}: element ${tag.name} outside the XML Schema namespace`);
    const attributes: Record<string, string> = {};
    for (const a of Object.values(tag.attributes)) {
      if (a.uri === '' || a.uri === undefined) attributes[a.local] = a.value;
    }
    const node: XsdNode = { name: tag.local, attributes, children: [] };
    stack.at(-1)?.children.push(node);
    stack.push(node);
    root ??= node;
  });
  parser.on('closetag', () => void stack.pop());
  parser.on('error', (err) => {
    throw new UnsupportedSchemaError(`${path.basename(file)}: ${err.message}`);
  });
  parser.write(readFileSync(file, 'utf8')).close();
  if (root?.name !== 'schema') throw new UnsupportedSchemaError(`${path.basename(file)}: not an xs:schema`);
  return root;
}

/** Allows only these attributes on a node: any other changes the meaning. */
function only(node: XsdNode, attributes: readonly string[]): void {
  for (const a of Object.keys(node.attributes)) {
    if (!attributes.includes(a)) throw new UnsupportedSchemaError(`xs:${node.name} with attribute ${a}`);
  }
}

function children(node: XsdNode): XsdNode[] {
  return node.children.filter((c) => c.name !== 'annotation');
}

/** `xs:foo` → `foo` for the built-in types; a name of ours as it is (no target namespace). */
function typeName(qname: string): { builtin: boolean; local: string } {
  const m = /^xs:(\w+)$/.exec(qname);
  return m ? { builtin: true, local: m[1]! } : { builtin: false, local: qname };
}

function occurs(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (value === 'unbounded') return Infinity;
  if (!/^\d+$/.test(value)) throw new UnsupportedSchemaError(`occurrence ${value}`);
  return Number(value);
}

/**
 * An XSD regular expression as a JavaScript one that matches exactly the same strings. Only the parts
 * whose meaning is the same in both are translated; anything else (\d, \w, \i, \c, Unicode blocks,
 * categories other than Cc, class subtraction) is refused, since a near translation could accept more.
 */
export function translatePattern(xsd: string): RegExp {
  let out = '';
  let i = 0;
  const escaped = (inClass: boolean): string => {
    const c = xsd[i + 1];
    i += 2;
    if (c === undefined) throw new UnsupportedSchemaError(`pattern ${xsd}: ends with \\`);
    if (c === 'n' || c === 'r' || c === 't') return `\\${c}`;
    // A hyphen may be escaped in a class only, in a JavaScript regular expression with the u flag.
    if (c === '-') return inClass ? '\\-' : '-';
    if ('\\|.^?*+{}()[]'.includes(c)) return `\\${c}`;
    if (c === 's') return inClass ? ' \\t\\n\\r' : '[ \\t\\n\\r]';
    if ((c === 'p' || c === 'P') && xsd.startsWith('{Cc}', i)) {
      i += 4;
      return `\\${c}{Cc}`;
    }
    throw new UnsupportedSchemaError(`pattern ${xsd}: \\${c}`);
  };
  while (i < xsd.length) {
    const c = xsd[i]!;
    if (c === '\\') out += escaped(false);
    else if (c === '[') {
      out += '[';
      i++;
      if (xsd[i] === '^') {
        out += '^';
        i++;
      }
      let first = true;
      while (i < xsd.length && (xsd[i] !== ']' || first)) {
        const d = xsd[i]!;
        if (d === '\\') out += escaped(true);
        else if (d === '[' || (d === '-' && xsd[i + 1] === '[')) throw new UnsupportedSchemaError(`pattern ${xsd}: class subtraction`);
        else {
          const cp = xsd.codePointAt(i)!;
          out += /[\w-]/.test(d) ? d : `\\u{${cp.toString(16)}}`;
          i += cp > 0xffff ? 2 : 1;
        }
        first = false;
      }
      if (xsd[i] !== ']') throw new UnsupportedSchemaError(`pattern ${xsd}: unclosed class`);
      out += ']';
      i++;
    } else if (c === '.') {
      out += '[^\\n\\r]';
      i++;
    } else if (c === '(') {
      out += '(?:';
      i++;
    } else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(xsd.slice(i));
      if (!m) throw new UnsupportedSchemaError(`pattern ${xsd}: quantifier`);
      out += m[0];
      i += m[0].length;
    } else if (')|?*+'.includes(c)) {
      out += c;
      i++;
    } else {
      // ^ and $ are ordinary characters in XSD; every other character stands for itself.
      const cp = c.codePointAt(0)!;
      out += /\w/.test(c) ? c : `\\u{${cp.toString(16)}}`;
      i += cp > 0xffff ? 2 : 1;
    }
  }
  try {
    return new RegExp(`^(?:${out})$`, 'u');
  } catch (err) {
    throw new UnsupportedSchemaError(`pattern ${xsd}: ${(err as Error).message}`);
  }
}

/** The types and elements of a schema file and of those it includes. */
class SchemaCompiler {
  private readonly simpleNodes = new Map<string, XsdNode>();
  private readonly complexNodes = new Map<string, XsdNode>();
  private readonly elementNodes = new Map<string, XsdNode>();
  private readonly simple = new Map<string, SimpleType>();
  private readonly complex = new Map<string, ComplexType>();
  private readonly loaded = new Set<string>();

  constructor(private readonly dir: string) {}

  load(file: string): void {
    const resolved = path.resolve(file);
    if (this.loaded.has(resolved)) return;
    this.loaded.add(resolved);
    const schema = parseXsd(resolved);
    only(schema, ['elementFormDefault']);
    if ((schema.attributes['elementFormDefault'] ?? 'unqualified') !== 'unqualified') throw new UnsupportedSchemaError('elementFormDefault');
    for (const node of children(schema)) {
      const name = node.attributes['name'];
      if (node.name === 'include') {
        only(node, ['schemaLocation']);
        const target = path.resolve(path.dirname(resolved), node.attributes['schemaLocation'] ?? '');
        if (path.dirname(target) !== this.dir) throw new UnsupportedSchemaError(`include outside the xsd folder: ${target}`);
        this.load(target);
        continue;
      }
      const into =
        node.name === 'simpleType'
          ? this.simpleNodes
          : node.name === 'complexType'
            ? this.complexNodes
            : node.name === 'element'
              ? this.elementNodes
              : undefined;
      if (!into || !name) throw new UnsupportedSchemaError(`top-level xs:${node.name}`);
      // libxml2 refuses a name defined twice; taking either definition here could accept more.
      if (into.has(name) || (node.name !== 'element' && (this.simpleNodes.has(name) || this.complexNodes.has(name)))) {
        throw new UnsupportedSchemaError(`${name} defined twice`);
      }
      into.set(name, node);
    }
  }

  /** The type of the global element `name`. */
  element(name: string): SimpleType | ComplexType {
    const node = this.elementNodes.get(name);
    if (!node) throw new UnsupportedSchemaError(`no global element ${name}`);
    only(node, ['name', 'type']);
    if (children(node).length > 0) throw new UnsupportedSchemaError(`element ${name}: anonymous type`);
    return this.type(node.attributes['type'] ?? '');
  }

  private type(qname: string): SimpleType | ComplexType {
    const { builtin, local } = typeName(qname);
    if (builtin) return this.builtin(local);
    if (this.complexNodes.has(local)) return this.complexType(local);
    return this.simpleType(local);
  }

  private builtin(local: string): SimpleType {
    if (local !== 'string' && local !== 'dateTime') throw new UnsupportedSchemaError(`built-in type xs:${local}`);
    return { kind: 'simple', builtin: local, minLength: 0, maxLength: Infinity, patterns: [], enumerations: [] };
  }

  private simpleType(name: string): SimpleType {
    const done = this.simple.get(name);
    if (done) return done;
    const node = this.simpleNodes.get(name);
    if (!node) throw new UnsupportedSchemaError(`no type ${name}`);
    only(node, ['name']);
    const [restriction, ...rest] = children(node);
    if (!restriction || restriction.name !== 'restriction' || rest.length > 0) throw new UnsupportedSchemaError(`type ${name}: not a restriction`);
    only(restriction, ['base']);
    const base = this.type(restriction.attributes['base'] ?? '');
    if (base.kind !== 'simple') throw new UnsupportedSchemaError(`type ${name}: restriction of a complex type`);
    const t: SimpleType = { ...base, patterns: [...base.patterns], enumerations: [...base.enumerations] };
    const patterns: string[] = [];
    const enumeration = new Set<string>();
    for (const facet of children(restriction)) {
      only(facet, ['value']);
      const value = facet.attributes['value'] ?? '';
      const n = (): number => {
        if (!/^\d+$/.test(value)) throw new UnsupportedSchemaError(`type ${name}: ${facet.name} ${value}`);
        if (t.builtin !== 'string') throw new UnsupportedSchemaError(`type ${name}: ${facet.name} of xs:${t.builtin}`);
        return Number(value);
      };
      if (facet.name === 'minLength') t.minLength = Math.max(t.minLength, n());
      else if (facet.name === 'maxLength') t.maxLength = Math.min(t.maxLength, n());
      else if (facet.name === 'length') {
        t.minLength = Math.max(t.minLength, n());
        t.maxLength = Math.min(t.maxLength, n());
      } else if (facet.name === 'pattern') patterns.push(value);
      else if (facet.name === 'enumeration') enumeration.add(value);
      else throw new UnsupportedSchemaError(`type ${name}: facet ${facet.name}`);
    }
    // Patterns of one step are alternatives; those of different steps must all match.
    if (patterns.length > 0) t.patterns.push(translatePattern(patterns.map((p) => `(${p})`).join('|')));
    if (enumeration.size > 0) t.enumerations.push(enumeration);
    this.simple.set(name, t);
    return t;
  }

  private complexType(name: string): ComplexType {
    const done = this.complex.get(name);
    if (done) return done;
    const node = this.complexNodes.get(name)!;
    only(node, ['name']);
    const [group, ...rest] = children(node);
    if (!group || (group.name !== 'sequence' && group.name !== 'all') || rest.length > 0) throw new UnsupportedSchemaError(`type ${name}: content`);
    only(group, []);
    const t: ComplexType = { kind: 'complex', group: group.name, particles: [] };
    // Set before the particles, so that a recursive type refers to itself.
    this.complex.set(name, t);
    for (const el of children(group)) {
      if (el.name !== 'element') throw new UnsupportedSchemaError(`type ${name}: xs:${el.name} in a group`);
      only(el, ['name', 'type', 'minOccurs', 'maxOccurs']);
      if (children(el).length > 0 || !el.attributes['name'] || !el.attributes['type'])
        throw new UnsupportedSchemaError(`type ${name}: element without a named type`);
      const min = occurs(el.attributes['minOccurs'], 1);
      const max = occurs(el.attributes['maxOccurs'], 1);
      if (min > max || (group.name === 'all' && max > 1)) throw new UnsupportedSchemaError(`type ${name}: occurrences of ${el.attributes['name']}`);
      const element = el.attributes['name'];
      if (!/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(element)) throw new UnsupportedSchemaError(`element name ${element}`);
      t.particles.push({ name: element, open: `<${element}>`, close: `</${element}>`, min, max, type: this.type(el.attributes['type']) });
    }
    return t;
  }
}

// --- the check ---

const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * The common xs:dateTime values, each surely valid: `YYYY-MM-DDThh:mm:ss`, up to nine decimals, then
 * `Z`, `±hh:mm` or nothing, with years from 0001, hours below 24, seconds below 60, offsets up to
 * ±14:00. Rarer lexical forms (long or negative years, 24:00:00, whitespace) are left to libxml2.
 * Read digit by digit: this runs for every date of every Documento.
 */
function surelyDateTime(v: string): boolean {
  if (v.length < 19 || v[4] !== '-' || v[7] !== '-' || v[10] !== 'T' || v[13] !== ':' || v[16] !== ':') return false;
  const year = digits(v, 0, 4);
  const month = digits(v, 5, 2);
  const day = digits(v, 8, 2);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > DAYS[month - 1]!) return false;
  if (month === 2 && day === 29 && !(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0))) return false;
  const hour = digits(v, 11, 2);
  const minute = digits(v, 14, 2);
  const second = digits(v, 17, 2);
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return false;
  let at = 19;
  if (v[at] === '.') {
    const start = ++at;
    while (at < v.length && at - start < 10 && digits(v, at, 1) >= 0) at++;
    if (at === start || at - start > 9) return false;
  }
  if (at === v.length) return true;
  if (v[at] === 'Z') return at + 1 === v.length;
  if ((v[at] !== '+' && v[at] !== '-') || at + 6 !== v.length || v[at + 3] !== ':') return false;
  const h = digits(v, at + 1, 2);
  const m = digits(v, at + 4, 2);
  return h >= 0 && m >= 0 && m <= 59 && (h < 14 || (h === 14 && m === 0));
}

function codePoints(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) n--;
  }
  return n;
}

function simpleAccepts(t: SimpleType, value: string): boolean {
  if (t.builtin === 'dateTime') {
    if (!surelyDateTime(value)) return false;
  } else if (value.length > t.maxLength || Math.ceil(value.length / 2) < t.minLength) {
    // A string of n UTF-16 units has between n/2 and n characters: count them only when that matters.
    const n = codePoints(value);
    if (n < t.minLength || n > t.maxLength) return false;
  }
  for (const re of t.patterns) if (!re.test(value)) return false;
  for (const e of t.enumerations) if (!e.has(value)) return false;
  return true;
}

// The characters XML 1.0 does not allow: in a draft, those the writer replaces (invalidCharacters:
// 'replace'), so that its XML would hold another value.
// eslint-disable-next-line no-control-regex
const REPLACED = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

// Text without markup other than references. Not allowed: characters XML 1.0 does not allow, a raw CR
// (a parser turns it into LF) and "]]>".
const NOT_PLAIN_TEXT = new RegExp(`${REPLACED.source}|\\r|\\]\\]>`);

/** Text content with its references replaced, or undefined when it is not in the plain form. */
function decodeText(raw: string): string | undefined {
  return NOT_PLAIN_TEXT.test(raw) ? undefined : decodeReferences(raw);
}

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;

/** True when `tag` (`<name>` or `</name>`) is written at `pos`: the last character first, since names share prefixes. */
function tagAt(xml: string, pos: number, tag: string): boolean {
  const n = tag.length;
  if (xml.charCodeAt(pos + n - 1) !== GT) return false;
  for (let i = n - 2; i >= 0; i--) if (xml.charCodeAt(pos + i) !== tag.charCodeAt(i)) return false;
  return true;
}

function skipWhitespace(xml: string, pos: number): number {
  let c = xml.charCodeAt(pos);
  while (c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d) c = xml.charCodeAt(++pos);
  return pos;
}

/**
 * Walks `<name>…</name>` at `pos` against its type, with character comparisons only: the plain form
 * has nothing else to find, and anything that is not what the type expects is "not sure" (-1).
 * Returns the position after the end tag.
 */
function walkElement(xml: string, pos: number, p: Particle): number {
  if (!tagAt(xml, pos, p.open)) return -1;
  pos += p.open.length;
  const t = p.type;
  if (t.kind === 'simple') {
    const end = xml.indexOf('<', pos);
    if (end === -1 || !tagAt(xml, end, p.close)) return -1;
    const value = end === pos ? '' : decodeText(xml.slice(pos, end));
    return value !== undefined && simpleAccepts(t, value) ? end + p.close.length : -1;
  }
  const particles = t.particles;
  const counts = t.group === 'all' ? new Array<number>(particles.length).fill(0) : undefined;
  let at = 0; // the sequence's current particle
  let count = 0; // elements of it seen
  for (;;) {
    pos = skipWhitespace(xml, pos);
    if (xml.charCodeAt(pos) !== LT) return -1;
    if (xml.charCodeAt(pos + 1) === SLASH) {
      if (!tagAt(xml, pos, p.close)) return -1;
      pos += p.close.length;
      break;
    }
    let particle: Particle | undefined;
    if (counts) {
      const i = particles.findIndex((q) => tagAt(xml, pos, q.open));
      if (i === -1 || ++counts[i]! > particles[i]!.max) return -1;
      particle = particles[i]!;
    } else {
      while (at < particles.length && !tagAt(xml, pos, particles[at]!.open)) {
        if (count < particles[at]!.min) return -1;
        at++;
        count = 0;
      }
      if (at === particles.length || ++count > particles[at]!.max) return -1;
      particle = particles[at]!;
    }
    pos = walkElement(xml, pos, particle);
    if (pos === -1) return -1;
  }
  if (counts) return particles.every((q, i) => counts[i]! >= q.min) ? pos : -1;
  for (; at < particles.length; at++, count = 0) if (count < particles[at]!.min) return -1;
  return pos;
}

/**
 * Fits the writer's layout to each complex element under `p`. The draft check then stands for the walk
 * of the XML the writer makes of the draft: written keys are the type's particles in the type's order
 * (any order for xs:all), each name once, and every particle the writer never writes is optional.
 */
function planDrafts(p: Particle, seen = new Set<Particle>()): void {
  if (seen.has(p) || p.type.kind === 'simple') return;
  seen.add(p);
  const { particles, group } = p.type;
  const written = WRITTEN_CHILDREN[p.name];
  const names = particles.map((q) => q.name);
  p.draft = null;
  if (written && new Set(names).size === names.length && particles.every((q) => q.min === 0 || written.includes(q.name))) {
    const plan = written.map((key) => ({
      key,
      particle: particles.find((q) => q.name === key),
      repeated: REPEATED_ELEMENTS.has(key),
      omittedWhenEmpty: OMITTED_WHEN_EMPTY[key],
    }));
    const order = plan.flatMap((c) => (c.particle ? [particles.indexOf(c.particle)] : []));
    if (group === 'all' || order.every((x, i) => i === 0 || order[i - 1]! < x)) p.draft = plan;
  }
  for (const q of particles) planDrafts(q, seen);
}

/**
 * What {@link walkElement} would say of the XML the writer makes of `value`, without making it; with
 * `asRead`, of the XML the plain reader read `value` from, which differs only in keeping an empty list.
 */
function walkDraft(p: Particle, value: unknown, asRead: boolean): boolean {
  const t = p.type;
  if (t.kind === 'simple') return typeof value === 'string' && !REPLACED.test(value) && simpleAccepts(t, value);
  const plan = p.draft;
  if (!plan || typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const object = value as Record<string, unknown>;
  for (const c of plan) {
    const v = object[c.key];
    let n = 1;
    if (v === undefined) n = 0;
    else if (c.repeated) {
      if (!Array.isArray(v)) return false;
      n = v.length;
    } else if (Array.isArray(v)) return false;
    else if (c.omittedWhenEmpty !== undefined && !asRead) {
      if (typeof v !== 'object' || v === null) return false;
      const entries = (v as Record<string, unknown>)[c.omittedWhenEmpty];
      if (entries !== undefined && !Array.isArray(entries)) return false;
      if (entries === undefined || entries.length === 0) n = 0;
    }
    const q = c.particle;
    if (!q) {
      if (n > 0) return false;
      continue;
    }
    if (n < q.min || n > q.max) return false;
    if (n === 0) continue;
    if (c.repeated) {
      for (const entry of v as unknown[]) if (!walkDraft(q, entry, asRead)) return false;
    } else if (!walkDraft(q, v, asRead)) return false;
  }
  return true;
}

/** The schema of one profile, compiled; `accepts` says whether a Documento is surely valid. */
export class CompiledSchema {
  private constructor(private readonly documento: Particle) {
    planDrafts(documento);
  }

  /** Compiles the schema file's `ListaDocumentos`/`Documento`; throws {@link UnsupportedSchemaError}. */
  static compile(file: string): CompiledSchema {
    const compiler = new SchemaCompiler(path.dirname(path.resolve(file)));
    compiler.load(file);
    const lista = compiler.element('ListaDocumentos');
    const documento = lista.kind === 'complex' && lista.group === 'sequence' && lista.particles.length === 1 ? lista.particles[0] : undefined;
    if (documento?.name !== 'Documento' || documento.min !== 1 || documento.max !== Infinity) {
      throw new UnsupportedSchemaError('ListaDocumentos is not a list of Documento');
    }
    return new CompiledSchema(documento);
  }

  /** True when `xml` (one `<Documento>` element, in a ListaDocumentos without namespaces) is surely valid. */
  accepts(xml: string): boolean {
    return walkElement(xml, 0, this.documento) === xml.length;
  }

  /**
   * True when the XML the writer makes of `documento` (documentoXml, invalid characters replaced)
   * would be {@link accepts accepted}; it reads the draft's values instead of that XML. False says
   * nothing: a character the writer replaces, for one, leaves the verdict to the XML.
   */
  acceptsDraft(documento: DocumentoDraft): boolean {
    return walkDraft(this.documento, documento, false);
  }

  /**
   * True when the XML `documento` was read from by the plain reader (plain-part.ts: the standard's
   * elements in the writer's order, each element a key of the draft, each text a value) would be
   * {@link accepts accepted}, from the draft's values. Only for the plain reader's records: another
   * reader's draft may leave out what its XML holds.
   */
  acceptsPlainRead(documento: DocumentoDraft): boolean {
    return walkDraft(this.documento, documento, true);
  }
}

const compiled = new Map<string, CompiledSchema | null>();

/**
 * The compiled schema of a profile's file, or null when the file uses what the compiler does not
 * handle (then libxml2 validates everything, as before).
 */
export function compiledSchema(file: string): CompiledSchema | null {
  let c = compiled.get(file);
  if (c === undefined) {
    try {
      c = CompiledSchema.compile(file);
    } catch (err) {
      if (!(err instanceof UnsupportedSchemaError)) throw err;
      c = null;
    }
    compiled.set(file, c);
  }
  return c;
}
