import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/export/config.js';
import { configTemplate, TEMPLATE_SOURCES } from '../../src/export/config-template.js';

const FILE = '/etc/pi-sender/pi-sender.yaml';
const errorsOf = (text: string, env: NodeJS.ProcessEnv = {}): string[] => {
  try {
    parseConfig(text, FILE, env);
    return [];
  } catch (err) {
    return (err as Error).message
      .split('\n')
      .slice(1)
      .map((l) => l.trim());
  }
};

describe('export configuration', () => {
  it.each(TEMPLATE_SOURCES)('the %s template is a valid configuration', (type) => {
    const c = parseConfig(configTemplate(type), FILE, {});
    expect(c.source.type).toBe(type);
    expect(c.timeZone).toBe('America/Sao_Paulo');
    expect(c.publishRestrito).toBe(false);
    expect(c.sending.maxAttempts).toBe(15);
    expect(c.store).toBe('/etc/pi-sender/pi-sender.db');
  });

  it('reads the mapping: columns, templates, constants, task messages as text', () => {
    const c = parseConfig(configTemplate('postgres'), FILE, {});
    const m = c.mapping!;
    expect(m.processo.id).toEqual({ column: 'id' });
    expect(m.processo.Assunto).toEqual({ template: '{tipo} - {especificacao}' });
    expect(m.processo.Especie).toEqual({ value: 'Processo' });
    expect(m.processo.access).toEqual({ column: 'nivel_acesso', publico: ['0'], restrito: ['1'], sigiloso: ['2'] });
    const op = m.historico.Operacao as { messages: Record<string, unknown>; otherTasks: unknown };
    expect(op.messages['GERACAO']).toEqual({ template: 'Processo público gerado' });
    expect(op.messages['DESPACHO']).toBeNull();
    expect(op.otherTasks).toBe('skip');
    expect(c.watermark).toEqual({ initial: '2015-01-01 00:00:00', overlapMinutes: 60 });
  });

  it('lets the environment override the endpoint and the user', () => {
    const c = parseConfig(configTemplate('sqlite'), FILE, { PI_ENDPOINT: 'producao', PI_USER: '12345' });
    expect(c.pi.endpoint).toBe('producao');
    expect(c.pi.user).toBe('12345');
  });

  it('lets the environment override the deployment settings: store, SPE connection, alert recipients', () => {
    const env = {
      PI_SENDER_STORE: '/var/lib/pi-sender/estado.db',
      PI_SENDER_SPE_HOST: 'db.orgao.gov.br',
      PI_SENDER_SPE_PORT: '5433',
      PI_SENDER_SPE_DATABASE: 'spe_prod',
      PI_SENDER_SPE_USER: 'leitor',
      PI_SENDER_ALERT_EMAIL_TO: 'ouvidoria@orgao.gov.br, plantao@orgao.gov.br',
      PI_SENDER_ALERT_WEBHOOK_URL: 'https://chat.orgao.gov.br/hooks/pi',
    };
    const text = configTemplate('postgres')
      .replace('  # email:', '  email:')
      .replace(/^ {2}# {3}(host|port|user|passwordEnv|from|to): /gm, '    $1: ')
      .replace('  # webhook:', '  webhook:')
      .replace(/^ {2}# {3}url: /m, '    url: ');
    const c = parseConfig(text, FILE, env);
    expect(c.store).toBe('/var/lib/pi-sender/estado.db');
    expect(c.source).toMatchObject({ type: 'postgres', host: 'db.orgao.gov.br', port: 5433, database: 'spe_prod', user: 'leitor' });
    expect(c.alerts.email?.to).toEqual(['ouvidoria@orgao.gov.br', 'plantao@orgao.gov.br']);
    expect(c.alerts.webhook?.url).toBe('https://chat.orgao.gov.br/hooks/pi');
    const asWritten = parseConfig(text, FILE, {});
    expect(asWritten.alerts.email?.to).toEqual(['protocolo@orgao.gov.br', 'ti@orgao.gov.br']);
    expect(asWritten.alerts.webhook?.url).toBe('https://chat.orgao.gov.br/hooks/pi-sender');
    expect(asWritten.store).toBe('/etc/pi-sender/pi-sender.db');
    const folder = parseConfig(configTemplate('csv'), FILE, { PI_SENDER_SPE_FOLDER: '/srv/spe/saida' });
    expect(folder.source).toMatchObject({ type: 'csv', folder: '/srv/spe/saida' });
    expect(errorsOf(configTemplate('postgres'), { PI_SENDER_SPE_PORT: 'cinco' })).toEqual([expect.stringMatching(/PI_SENDER_SPE_PORT must be a port number/)]);
  });

  it('reports every problem with its line and key', () => {
    const text = configTemplate('postgres')
      .replace('timeZone: America/Sao_Paulo', 'timeZone: Lua/Base')
      .replace('  maxAttempts: 15', '  maxAttempts: zero')
      .replace('    Protocolo: numero ', '    Protocolo:  ')
      .replace('publishRestrito: false', 'publishRestrito: false\nbogus: 1');
    const errors = errorsOf(text);
    const line = (needle: string): number => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
    expect(errors).toEqual([
      `${FILE}:${line('bogus: 1')}: bogus: unknown key (expected one of agency, language, source, mapping, timeZone, publishRestrito, publishEarlierMovements, profile, store, pi, sending, watermark, alerts)`,
      `${FILE}:${line('    Protocolo:')}: mapping.processo.Protocolo: missing (a column name, a "{template}", or { value: ... })`,
      `${FILE}:${line('Lua/Base')}: timeZone: unknown time zone 'Lua/Base' (an IANA name, e.g. America/Sao_Paulo)`,
      `${FILE}:${line('maxAttempts: zero')}: sending.maxAttempts: must be an integer of at least 1`,
    ]);
  });

  it('never takes a password from the configuration', () => {
    expect(errorsOf(configTemplate('postgres').replace('  timeoutSeconds: 120', '  timeoutSeconds: 120\n  password: segredo'))[0]).toMatch(
      /pi\.password: passwords never go in the configuration/,
    );
    expect(errorsOf(configTemplate('postgres').replace('  host: 127.0.0.1', '  url: postgres://spe:segredo@db/spe'))[0]).toMatch(
      /source\.url: holds a password/,
    );
  });

  it('demands the access level: sigiloso must never be sent by accident', () => {
    const text = configTemplate('sqlite').replace(/ {4}access: .*\n/, '');
    expect(errorsOf(text)[0]).toMatch(/mapping\.processo\.access: missing/);
  });

  it('says where YAML itself is broken', () => {
    expect(() => parseConfig('source:\n  type: [sqlite\n', FILE, {})).toThrow(/pi-sender\.yaml:\d+: not valid YAML\/JSON/);
    expect(() => parseConfig('- a\n- b\n', FILE, {})).toThrow(/must be a mapping/);
  });

  it('reads JSON too', () => {
    const c = parseConfig(JSON.stringify({ source: { type: 'xml', folder: 'in' }, pi: { endpoint: 'homologacao' } }), FILE, {});
    expect(c.source).toMatchObject({ type: 'xml', folder: '/etc/pi-sender/in', pattern: '*.xml', afterReading: 'move' });
    expect(c.mapping).toBeUndefined();
  });
});
