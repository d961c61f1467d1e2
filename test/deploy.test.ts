/**
 * The systemd units shipped in deploy/systemd pass `systemd-analyze verify`, inside a throwaway root
 * that holds this machine's own units and a stand-in for the installed command (verify checks that
 * ExecStart's program exists). They are in the package, with the guide they point at.
 */

import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { configTemplate } from '../src/export/config-template.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const UNITS = path.join(ROOT, 'deploy', 'systemd');
const inCi = Boolean(process.env['CI']);
const hasSystemd = spawnSync('systemd-analyze', ['--version'], { stdio: 'ignore' }).status === 0;
if (!inCi && !hasSystemd) console.warn('skipping the systemd unit check: it needs systemd-analyze (CI=1 makes it fail instead)');

const units = readdirSync(UNITS).filter((f) => /\.(service|timer)$/.test(f));

describe.skipIf(!hasSystemd && !inCi)('deploy/systemd', () => {
  // npm install -g puts the command in /usr/local/bin (Node.js from nodejs.org, NodeSource) or in
  // /usr/bin (Debian's nodejs): the unit must find it in either.
  it.each(['usr/local/bin', 'usr/bin'])('every unit passes systemd-analyze verify, the command installed in /%s', (bin) => {
    const root = mkdtempSync(path.join(tmpdir(), 'pi-systemd-'));
    mkdirSync(path.join(root, 'usr', 'lib', 'systemd'), { recursive: true });
    cpSync('/usr/lib/systemd/system', path.join(root, 'usr', 'lib', 'systemd', 'system'), { recursive: true });
    mkdirSync(path.join(root, 'etc', 'systemd', 'system'), { recursive: true });
    for (const u of units) cpSync(path.join(UNITS, u), path.join(root, 'etc', 'systemd', 'system', u));
    const exec = /^ExecStart=(\S+)/m.exec(readFileSync(path.join(UNITS, 'pi-sender-export.service'), 'utf8'))![1]!;
    expect(exec).toBe('pi-sender');
    mkdirSync(path.join(root, bin), { recursive: true });
    writeFileSync(path.join(root, bin, exec), '#!/bin/sh\n');
    chmodSync(path.join(root, bin, exec), 0o755);
    const r = spawnSync('systemd-analyze', ['verify', `--root=${root}`, ...units.map((u) => `/etc/systemd/system/${u}`)], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('no value carries a trailing comment (systemd would read it as part of the value)', () => {
    for (const u of [...units, 'pi-sender.env.example']) {
      for (const [i, line] of readFileSync(path.join(UNITS, u), 'utf8').split('\n').entries()) {
        if (/^\s*[#;]/.test(line) || !line.includes('=')) continue;
        expect(line, `${u}:${i + 1}`).not.toMatch(/\s#/);
      }
    }
  });

  it('the timer runs well inside the 48-hour limit', () => {
    const timer = readFileSync(path.join(UNITS, 'pi-sender-export.timer'), 'utf8');
    const calendar = /^OnCalendar=(.+)$/m.exec(timer)![1]!;
    const out = execFileSync('systemd-analyze', ['calendar', '--iterations=3', calendar], { encoding: 'utf8' });
    const next = [...out.matchAll(/(?:Next elapse|Iter\. #\d):\s+\w+ (\S+ \S+)/g)].map((m) => Date.parse(`${m[1]!.replace(' ', 'T')}Z`));
    expect(next).toHaveLength(3);
    expect(next[1]! - next[0]!).toBeLessThanOrEqual(48 * 3600_000);
  });
});

describe('the package', () => {
  it('ships the units and the guides they point at', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { files: string[] };
    expect(pkg.files).toEqual(expect.arrayContaining(['deploy/', 'docs/']));
    const service = readFileSync(path.join(UNITS, 'pi-sender-export.service'), 'utf8');
    // One guide, at each place npm may have put the package: both name the same file of the package.
    const paths = [.../^Documentation=(.+)$/m.exec(service)![1]!.matchAll(/file:\S*\/node_modules\/pi-sender\/(\S+)/g)].map((m) => m[1]!);
    expect(paths).toEqual(['docs/install.md', 'docs/install.md']);
    for (const doc of paths) expect(readdirSync(path.join(ROOT, path.dirname(doc)))).toContain(path.basename(doc));
    expect(readFileSync(path.join(ROOT, 'LICENSE'), 'utf8')).toMatch(/^MIT License/);
  });

  it("init's configuration points at the guides it ships", () => {
    const header = configTemplate('postgres').split('\n').slice(0, 4).join('\n');
    for (const guide of header.match(/\b[a-z]+\.md\b/g) ?? []) expect(readdirSync(path.join(ROOT, 'docs')), guide).toContain(guide);
    expect(header).toContain('install.md');
  });
});
