/**
 * An independent XSD engine: Xerces (Java, through xsd-schema-validator) must reach the same verdict as
 * pi-sender's libxml2 on every sample, every invalid sample and generated mutants, and point at the
 * same lines. One JVM per file (about half a CPU-second each), never per Documento, and never a file
 * with a DOCTYPE: Xerces would resolve its external entities, which pi-sender's reader refuses first.
 */

import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validateDocumentoXml } from '../../src/standard/xsd.js';
import { readAll } from '../helpers/documentos.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SCHEMA = path.join(ROOT, 'xsd', 'protocolo-integrado.xsd');
const inCi = Boolean(process.env['CI']);
const hasJava = spawnSync('javac', ['-version'], { stdio: 'ignore' }).status === 0;
if (!inCi && !hasJava) console.warn('skipping the Xerces cross-check: it needs a JDK (javac; CI=1 makes it fail instead)');

interface Verdict {
  valid: boolean;
  /** Lines with an XSD error. */
  lines: number[];
}

/**
 * Xerces' verdict on a whole file, from xsd-schema-validator's Java helper run directly: its Node
 * wrapper keeps only the output chunks that start a message, and loses lines split across chunks.
 */
async function xerces(file: string): Promise<Verdict & { fatal: boolean }> {
  const { stdout, stderr } = await run('java', [
    '-Dfile.encoding=UTF-8',
    '-classpath',
    helperClasses(),
    'support.XMLValidator',
    `-file=${file}`,
    `-schema=${SCHEMA}`,
  ]);
  const result = /result=(\w+)/.exec(stdout)?.[1] ?? 'FATAL_ERROR';
  const lines = stderr.split(/\r?\n/).flatMap((m) => {
    const at = /\((\d+):\d+\)$/.exec(m);
    return at && m.startsWith('[error]') ? [Number(at[1])] : [];
  });
  return { valid: result === 'OK', lines: [...new Set(lines)].sort((a, b) => a - b), fatal: result === 'FATAL_ERROR' };
}

let compiled: string | undefined;

/**
 * The helper compiled here from the package's source, with this machine's javac: the class the package
 * ships targets a newer Java than these machines' 17, and its install script (which recompiles it) is
 * declined in package.json's allowScripts.
 */
function helperClasses(): string {
  if (compiled) return compiled;
  const source = path.join(path.dirname(path.dirname(fileURLToPath(import.meta.resolve('xsd-schema-validator')))), 'support', 'XMLValidator.java');
  const out = mkdtempSync(path.join(tmpdir(), 'pi-xerces-classes-'));
  const r = spawnSync('javac', ['-d', out, source], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`javac failed: ${r.stderr}`);
  compiled = out;
  return out;
}

function run(cmd: string, args: string[]): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      // Exit 1 means "invalid": only a failure to start is an error here.
      if (err && typeof err.code !== 'number') reject(err);
      else resolve({ stdout, stderr });
    });
  });
}

/**
 * pi-sender's verdict on the same file, judged as written by its libxml2 (before the rules, which are
 * pi-sender's alone, take over some facets). Bytes that are not UTF-8 make a file unreadable, as they
 * make it not well-formed for Xerces.
 */
async function piSender(file: string): Promise<Verdict & { readable: boolean }> {
  const { records, listProblems } = await readAll(readFileSync(file));
  const fatal =
    listProblems.some((p) => p.fatal || p.problem.severity === 'error') ||
    records.some((r) => r.xml === undefined || r.problems.some((p) => p.code === 'UTF8_INVALID'));
  const xsd = records.flatMap((r) => (r.xml === undefined ? [] : validateDocumentoXml(r.xml, 'strict', r.line, r.rootNamespaces)));
  const lines = [...new Set(xsd.map((p) => p.line!))].sort((a, b) => a - b);
  return { valid: !fatal && xsd.length === 0, lines, readable: !fatal };
}

/** Mutants of the sample's first Documento, each a kind of XSD error a person makes, in one file. */
function mutants(): string {
  const sample = readFileSync(path.join(ROOT, 'samples', 'lista-documentos.xml'), 'utf8');
  const doc = /<Documento>[\s\S]*?<\/Documento>/.exec(sample)![0];
  const edits: Array<(d: string) => string> = [
    (d) => d.replace(/<Protocolo>(\d+)<\/Protocolo>/, '<Protocolo>$10</Protocolo>'),
    (d) => d.replace(/<DataHoraProducao>[^<]*</, '<DataHoraProducao>ontem às dez<'),
    (d) => d.replace(/(<Especie>[^<]*<\/Especie>)(\s*)(<Assunto>[^<]*<\/Assunto>)/, '$3$2$1'),
    (d) => d.replace(/(<\/Assunto>)/, '$1\n    <Observacao>não é do padrão</Observacao>'),
    (d) => d.replace(/<NomeInteressado>[^<]*</, `<NomeInteressado>${'N'.repeat(151)}<`),
    (d) => d.replace(/<UnidadeOperacao>[^<]*</, `<UnidadeOperacao>${'U'.repeat(301)}<`),
    (d) => d.replace(/<Operacao>[^<]*</, '<Operacao><'),
    (d) => d.replace(/<Especie>/, '<Especie lang="pt">'),
    (d) => d.replace(/<DataHoraOperacao>[^<]*</, '<DataHoraOperacao>2025-02-30T10:00:00-03:00<'),
  ];
  return `<?xml version="1.0" encoding="UTF-8"?>\n<ListaDocumentos>\n${edits.map((e) => e(doc)).join('\n')}\n</ListaDocumentos>\n`;
}

describe.skipIf(!hasJava && !inCi)('Xerces and libxml2 agree', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'pi-xerces-'));
  const files = [
    ...readdirSync(path.join(ROOT, 'samples'))
      .filter((f) => f.endsWith('.xml'))
      .map((f) => path.join(ROOT, 'samples', f)),
    ...readdirSync(path.join(ROOT, 'samples', 'invalid')).map((f) => path.join(ROOT, 'samples', 'invalid', f)),
  ];
  const mutantFile = path.join(dir, 'mutants.xml');
  writeFileSync(mutantFile, mutants());

  it.each([...files, mutantFile].map((f) => [path.relative(ROOT, f).replace(/^\.\.\/.*\//, ''), f]))(
    '%s',
    async (_name, file) => {
      const text = readFileSync(file, 'latin1');
      const ours = await piSender(file);
      if (/<!DOCTYPE/i.test(text)) {
        // Refused by pi-sender's reader before any schema engine sees it; never handed to Xerces.
        expect(ours.readable).toBe(false);
        return;
      }
      const theirs = await xerces(file);
      expect(theirs.valid, JSON.stringify(theirs)).toBe(ours.valid);
      // Not well-formed for Xerces: pi-sender's reader refuses it too, before any XSD.
      if (theirs.fatal) expect(ours.readable).toBe(false);
      // A file pi-sender's reader refuses (a wrong root) is invalid for both; only readable ones compare lines.
      if (theirs.fatal || !ours.readable) return;
      expect(ours.lines).toEqual(theirs.lines);
    },
    60_000,
  );

  it('the mutants are each an error of its own line', async () => {
    const ours = await piSender(mutantFile);
    expect(ours.lines.length).toBeGreaterThanOrEqual(9);
  });
});
