import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConsole, type RunningConsole } from '../../src/console/server.js';
import { silentLogger } from '../../src/logging.js';
import type { PiSimulator } from '../../src/simulator/pi-simulator.js';
import { nowInZone } from '../../src/standard/datetime.js';
import { Store } from '../../src/store/store.js';
import { browser } from '../helpers/browser.js';
import { ROOT } from '../helpers/cli.js';
import { sqliteSpe, writeConfig } from '../helpers/export.js';
import { runInProcess } from '../helpers/in-process.js';
import { simulator, SIM_PASSWORD } from '../helpers/simulator.js';

// The console as protocol staff see it: pt-BR (the suite pins English; the console's language is the process's).
const PT = { PI_SENDER_LANG: 'pt-BR', PI_PASSWORD: SIM_PASSWORD, PI_LOG_LEVEL: 'silent' };
const XSS = '<script>alert("xss")</script>';

let sim: PiSimulator;
let dir: string;
let config: string;
let storeFile: string;
let consoleApp: RunningConsole;
let context: BrowserContext;
const shots: string[] = [];
const foreign: string[] = [];
const consoleErrors: string[] = [];
const dialogs: string[] = [];

async function page(): Promise<Page> {
  const p = await context.newPage();
  p.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(`${p.url()}: ${m.text()}`);
  });
  p.on('request', (r) => {
    if (!r.url().startsWith(new URL(consoleApp.url).origin) && !r.url().startsWith('data:')) foreign.push(r.url());
  });
  p.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.accept();
  });
  return p;
}

/** A screenshot of every page, in the test's folder (and in docs/img with PI_SENDER_DOC_SCREENSHOTS=1: the guide's pictures). */
async function shot(p: Page, name: string): Promise<void> {
  const file = path.join(dir, `console-${name}.png`);
  await p.screenshot({ path: file, fullPage: false });
  shots.push(file);
  if (process.env['PI_SENDER_DOC_SCREENSHOTS'] === '1') copyFileSync(file, path.join(ROOT, 'docs', 'img', path.basename(file)));
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'pi-console-'));
  const spe = sqliteSpe(dir, { processes: 60, invalidEvery: 20 });
  // Text from the SPE that would run if a page did not escape it: in an Assunto and a unit's name.
  const db = new Database(spe);
  db.prepare('UPDATE processo SET especificacao = ? WHERE id = 1').run(XSS);
  db.prepare("UPDATE unidade SET hierarquia = ? || '/DIPRO' WHERE id = 1").run(XSS);
  db.close();
  sim = await simulator();
  const written = writeConfig({ type: 'sqlite', dir, endpoint: sim.url, location: spe });
  config = written.file;
  storeFile = written.config.store;
  const run = await runInProcess(['export', '--config', config], PT);
  expect(run.code, run.stderr).toBe(1); // the sample has wrong NUPs on purpose: some EN
  process.env['PI_SENDER_LANG'] = 'pt-BR';
  consoleApp = await startConsole({ store: storeFile, timeZone: 'America/Sao_Paulo', maxAttempts: 15, port: 0, allowActions: true, log: silentLogger });
  context = await browser();
}, 120_000);

afterAll(async () => {
  process.env['PI_SENDER_LANG'] = 'en';
  await context?.close();
  await consoleApp?.close();
  await sim?.close();
});

describe('the console in a real browser', () => {
  it('shows the overview: counts per state, the last successful send against the 48 hours, runs, the chart', async () => {
    const p = await page();
    const res = await p.goto(consoleApp.url);
    expect(res?.headers()['content-security-policy']).toContain("default-src 'none'");
    expect(res?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res?.headers()['x-content-type-options']).toBe('nosniff');
    await expect(p.locator('h1').textContent()).resolves.toBe('Visão geral');
    const cards = await p.locator('.card').allTextContents();
    expect(cards.join(' | ')).toMatch(/^0NI Não Integrado \| \d+I Integrado \| \d+EN Erro Negocial \| 0FI Falha Infra$/);
    await expect(p.locator('.status').getAttribute('data-level')).resolves.toBe('green');
    await expect(p.locator('table.runs tbody tr').count()).resolves.toBe(1);
    await expect(p.locator('svg.chart rect.accepted').count()).resolves.toBe(30);
    await shot(p, 'visao-geral');
    await p.close();
  });

  it('filters packages by state and by Protocolo (with or without punctuation), sorts, pages, and escapes the SPE text', async () => {
    const p = await page();
    await p.goto(`${consoleApp.url}pacotes`);
    await p.selectOption('select[name=state]', 'EN');
    await p.click('form.filters button[type=submit]');
    const en = await p.locator('table.packages tbody tr').count();
    expect(en).toBe(3);
    expect(await p.locator('#count').textContent()).toBe('3 pacotes; página 1 de 1');
    await shot(p, 'pacotes');
    // A Protocolo typed with its punctuation finds the same package as its digits.
    const first = (await p.locator('table.packages tbody tr td:nth-child(2)').first().textContent())!;
    const digits = first.replace(/\D/g, '');
    for (const typed of [first, digits]) {
      await p.goto(`${consoleApp.url}pacotes?protocolo=${encodeURIComponent(typed)}`);
      await expect(p.locator('table.packages tbody tr').count()).resolves.toBe(1);
    }
    // Sorting by Protocolo, then a second page of everything.
    await p.goto(`${consoleApp.url}pacotes?all=1`);
    await p.click('th a:has-text("Protocolo")');
    const sorted = await p.locator('table.packages tbody tr td:nth-child(2)').allTextContents();
    expect(sorted).toEqual([...sorted].sort().reverse());
    await p.click('a[rel=next]');
    expect(await p.locator('#count').textContent()).toMatch(/página 2 de/);
    await p.close();
  });

  it('opens a package: the Documento as sent, every attempt, and the SPE text shown as text, never run', async () => {
    const store = Store.openReadOnly(storeFile);
    const withXss = store.findPackages({}, { by: 'id', desc: false }, 1000, 0).find((r) => store.buildDocumento(r).Assunto?.includes('<script>'))!;
    store.close();
    const p = await page();
    await p.goto(`${consoleApp.url}pacotes/${withXss.id}`);
    await expect(p.locator('h1').textContent()).resolves.toBe(`Pacote ${withXss.id}`);
    // The XML as sent: its text escaped for XML, and shown as that text.
    expect(await p.locator('#xml').textContent()).toContain('&lt;script&gt;alert("xss")&lt;/script&gt;');
    // A unit's name from the SPE: found by the unit filter, shown as text.
    await p.goto(`${consoleApp.url}pacotes?all=1&unit=${encodeURIComponent('<script>')}`);
    expect(await p.locator('table.packages tbody tr').count()).toBeGreaterThan(0);
    await p.click('table.packages tbody tr td:nth-child(2) a');
    expect(await p.locator('table.summary').textContent()).toContain(`${XSS}/DIPRO`);
    expect(dialogs).toEqual([]); // no alert("xss") ran
    await expect(p.locator('table.attempts tbody tr').count()).resolves.toBeGreaterThan(0);
    await shot(p, 'pacote');
    // A CPF in an answer of the PI is shown masked, as the SEI module masks them.
    const db = new Database(storeFile);
    db.prepare('UPDATE attempts SET message = ? WHERE package = ?').run('NF005 - Interessado 123.456.789-09 sem nome', withXss.id);
    db.close();
    await p.goto(`${consoleApp.url}pacotes/${withXss.id}`);
    const attempts = (await p.locator('table.attempts').textContent())!;
    expect(attempts).toContain('NF005 - Interessado ***.456.78*-** sem nome');
    expect(attempts).not.toContain('123.456.789-09');
    await p.close();
  });

  it('resends a package (a POST with its CSRF token), which the next export takes from NI to I', async () => {
    const store = Store.openReadOnly(storeFile);
    const integrated = store.findPackages({ state: 'I' }, { by: 'id', desc: false }, 1, 0)[0]!;
    store.close();
    const p = await page();
    await p.goto(`${consoleApp.url}pacotes/${integrated.id}`);
    await p.click('#resend');
    await p.waitForURL(/reenviado=1/);
    expect(dialogs.at(-1)).toContain('Volta para NI');
    await expect(p.locator('.notice').textContent()).resolves.toBe(`O pacote ${integrated.id} voltou para NI: a próxima exportação o envia.`);
    await expect(p.locator('#protocolo + td, .state').first().textContent()).resolves.toBe('NI');
    const run = await runInProcess(['export', '--config', config], PT);
    expect(run.code, run.stderr).toBe(0);
    await p.reload();
    await expect(p.locator('.state').first().textContent()).resolves.toBe('I');
    await expect(p.locator('table.attempts tbody tr').count()).resolves.toBe(2);
    await p.close();
  });

  it('downloads the filtered list as CSV, the same packages as pi-sender list --json', async () => {
    const p = await page();
    await p.goto(`${consoleApp.url}pacotes?state=EN`);
    const [download] = await Promise.all([p.waitForEvent('download'), p.click('#csv')]);
    const csv = readFileSync((await download.path())!, 'utf8')
      .trimEnd()
      .split('\n');
    expect(csv[0]).toBe('id,protocolo,state,attempts,code,message,origin,createdAt,sentAt,stateAt');
    const listed = (await runInProcess(['list', '--config', config, '--state', 'EN', '--json'], PT)).stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: number; protocolo: string; code: string });
    expect(csv.slice(1).map((l) => l.split(',').slice(0, 3).join(','))).toEqual(listed.map((r) => `${r.id},${r.protocolo},EN`));
    await p.close();
  });

  it('shows the runs and the month compliance report with its downloads', async () => {
    const p = await page();
    await p.goto(`${consoleApp.url}execucoes`);
    await expect(p.locator('table.runs tbody tr').count()).resolves.toBe(2);
    await shot(p, 'execucoes');
    await p.goto(`${consoleApp.url}conformidade`);
    await expect(p.locator('.verdict').textContent()).resolves.toMatch(/^CONFORME:/);
    await shot(p, 'conformidade');
    const html = await p.request.get(`${consoleApp.url}conformidade.html`);
    expect(html.headers()['content-security-policy']).toContain("default-src 'none'");
    expect(await html.text()).toContain('Conformidade com a regra das 48 horas');
    await p.close();
  });

  it('answers for the time it is given: the last 30 days, the default 3 days and the month end there', async () => {
    const DAY = 86_400_000;
    const later = Date.now() + 10 * DAY;
    const shifted = await startConsole({ store: storeFile, timeZone: 'America/Sao_Paulo', maxAttempts: 15, port: 0, log: silentLogger, now: () => later });
    const ptDay = (ms: number) => nowInZone('America/Sao_Paulo', ms).slice(0, 10).split('-').reverse().join('/');
    const p = await context.newPage(); // not page(): that one counts this console's host as foreign
    try {
      await p.goto(shifted.url);
      // The chart's 30 days end on the day it answers for; every package was sent ten days before it.
      await expect(p.locator('svg.chart text').last().textContent()).resolves.toBe(ptDay(later));
      await expect(p.locator('svg.chart text').first().textContent()).resolves.toBe(ptDay(later - 29 * DAY));
      await expect(p.locator('svg.chart g title').last().textContent()).resolves.toMatch(/: 0 aceitos?, 0 /);
      await p.goto(`${shifted.url}pacotes`);
      await expect(p.locator('input[name=createdFrom]').inputValue()).resolves.toBe(ptDay(later - 3 * DAY));
      await expect(p.locator('table.packages tbody tr').count()).resolves.toBe(0);
      // The same list on the console that answers for now: its packages were made in the last 3 days.
      await p.goto(`${consoleApp.url}pacotes`);
      await expect(p.locator('input[name=createdFrom]').inputValue()).resolves.toBe(ptDay(Date.now() - 3 * DAY));
      expect(await p.locator('table.packages tbody tr').count()).toBeGreaterThan(0);
      await p.goto(`${shifted.url}conformidade`);
      await expect(p.locator('input[name=month]').inputValue()).resolves.toBe(nowInZone('America/Sao_Paulo', later).slice(0, 7));
    } finally {
      await p.close();
      await shifted.close();
    }
  });

  it('loaded nothing from any other host and logged no error in the browser; every page has a screenshot', () => {
    expect(foreign).toEqual([]);
    expect(consoleErrors).toEqual([]);
    expect(shots.map((s) => path.basename(s)).sort()).toEqual(
      ['console-conformidade.png', 'console-execucoes.png', 'console-pacote.png', 'console-pacotes.png', 'console-visao-geral.png'].sort(),
    );
  });
});

describe('the console refuses', () => {
  it('a POST without the CSRF token, or from another origin; any action when read-only', async () => {
    const url = `${consoleApp.url}pacotes/1/reenviar`;
    expect((await fetch(url, { method: 'POST', body: new URLSearchParams({}), redirect: 'manual' })).status).toBe(403);
    const pageHtml = await (await fetch(`${consoleApp.url}pacotes/1`)).text();
    const csrf = /name="csrf" value="([^"]+)"/.exec(pageHtml)![1]!;
    const foreignOrigin = await fetch(url, {
      method: 'POST',
      body: new URLSearchParams({ csrf }),
      headers: { origin: 'https://evil.example' },
      redirect: 'manual',
    });
    expect(foreignOrigin.status).toBe(403);
    expect((await fetch(url, { method: 'POST', body: new URLSearchParams({ csrf }), redirect: 'manual' })).status).toBe(303);
    const readOnly = await startConsole({ store: storeFile, timeZone: 'America/Sao_Paulo', maxAttempts: 15, port: 0, log: silentLogger });
    try {
      const html = await (await fetch(`${readOnly.url}pacotes/1`)).text();
      expect(html).not.toContain('id="resend"');
      const token = /name="csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
      expect(
        (await fetch(`${readOnly.url}pacotes/1/reenviar`, { method: 'POST', body: new URLSearchParams({ csrf: token }), redirect: 'manual' })).status,
      ).toBe(403);
      // Another host name for a loopback console (DNS rebinding) is refused.
      const { request } = await import('undici');
      const rebound = await request(readOnly.url, { headers: { host: `evil.example:${new URL(readOnly.url).port}` } });
      expect(rebound.statusCode).toBe(421);
      await rebound.body.text();
    } finally {
      await readOnly.close();
    }
  });

  it('a bind beyond loopback without a token, or without TLS or --insecure-http; with a token, every request must carry it', async () => {
    const base = ['console', '--config', config, '--port', '0'];
    const noToken = await runInProcess([...base, '--host', '0.0.0.0'], { ...PT, PI_SENDER_CONSOLE_TOKEN: undefined });
    expect(noToken).toMatchObject({ code: 2 });
    expect(noToken.stderr).toContain('--host 0.0.0.0 não é loopback: defina PI_SENDER_CONSOLE_TOKEN ou --token-file');
    const noTls = await runInProcess([...base, '--host', '0.0.0.0'], { ...PT, PI_SENDER_CONSOLE_TOKEN: 'um-token-bem-comprido-1234' });
    expect(noTls.stderr).toContain('informe --tls-cert e --tls-key, ou diga --insecure-http');
    const token = 'um-token-bem-comprido-1234';
    // Bound beyond loopback (every address of the machine), the token is asked of every request.
    const wide = await startConsole({ store: storeFile, timeZone: 'America/Sao_Paulo', maxAttempts: 15, host: '0.0.0.0', port: 0, token, log: silentLogger });
    try {
      const local = `http://127.0.0.1:${new URL(wide.url).port}/`;
      expect((await fetch(`${local}pacotes`, { redirect: 'manual' })).status).toBe(401);
      expect((await fetch(`${local}pacotes.csv`, { redirect: 'manual' })).status).toBe(401);
      expect((await fetch(`${local}pacotes`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    } finally {
      await wide.close();
    }
    const guarded = await startConsole({ store: storeFile, timeZone: 'America/Sao_Paulo', maxAttempts: 15, port: 0, token, log: silentLogger });
    try {
      expect((await fetch(guarded.url, { redirect: 'manual' })).status).toBe(401);
      expect((await fetch(guarded.url, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
      expect((await fetch(guarded.url, { headers: { authorization: 'Bearer errado-errado-errado' } })).status).toBe(401);
      // A person signs in through the form; the token never goes in a URL.
      const p = await page();
      await p.goto(guarded.url);
      expect(p.url()).toBe(`${guarded.url}entrar`);
      await p.fill('input[name=token]', 'errado');
      await p.click('button[type=submit]');
      await expect(p.locator('.error').textContent()).resolves.toBe('Token incorreto.');
      await p.fill('input[name=token]', token);
      await p.click('button[type=submit]');
      await expect(p.locator('h1').textContent()).resolves.toBe('Visão geral');
      expect(p.url()).not.toContain(token);
      await p.close();
    } finally {
      await guarded.close();
    }
  });
});
