import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/export/config.js';
import { configTemplate } from '../../src/export/config-template.js';
import { RowMapper, toDateTime } from '../../src/sources/mapping.js';

const TZ = 'America/Sao_Paulo';

describe('date-times from SPE values', () => {
  it.each([
    ['2025-03-10', '2025-03-10T00:00:00-03:00'],
    ['2025-03-10 09:15:02', '2025-03-10T09:15:02-03:00'],
    ['2025-03-10T09:15:02.123456', '2025-03-10T09:15:02-03:00'],
    ['2025-03-10 09:15:02-03', '2025-03-10T09:15:02-03:00'],
    ['2025-03-10 09:15:02+0000', '2025-03-10T09:15:02+00:00'],
    ['2025-03-10T12:15:02Z', '2025-03-10T12:15:02Z'],
    ['10/03/2025 09:15', '2025-03-10T09:15:00-03:00'],
    ['10/03/2025', '2025-03-10T00:00:00-03:00'],
    ['2015-01-10 09:15:02', '2015-01-10T09:15:02-02:00'],
  ])('%s → %s', (input, expected) => {
    expect(toDateTime(input, TZ)).toBe(expected);
  });

  it('reads a Date as an instant, and leaves garbage for validation to report', () => {
    expect(toDateTime(new Date(Date.UTC(2025, 2, 10, 12, 15, 2)), TZ)).toBe('2025-03-10T09:15:02-03:00');
    expect(toDateTime('ontem', TZ)).toBe('ontem');
    expect(toDateTime(null, TZ)).toBeUndefined();
  });
});

describe('RowMapper', () => {
  const config = parseConfig(configTemplate('sqlite'), '/x/c.yaml', {});
  const mapper = (publishRestrito = false): RowMapper => new RowMapper(config.mapping!, { timeZone: TZ, publishRestrito });
  const processo = { id: 7, numero: '99991.000007/2025-30', tipo: 'Pedido', especificacao: '', data_autuacao: '2025-03-10', nivel_acesso: 0 };

  it('maps a process: digits-only Protocolo, template without its empty part, local midnight', () => {
    expect(mapper().processo(processo)).toEqual({
      speId: '7',
      access: 'publico',
      publishable: true,
      protocolo: '99991000007202530',
      dataHoraProducao: '2025-03-10T00:00:00-03:00',
      especie: 'Processo',
      assunto: 'Pedido',
    });
  });

  it('withholds sigiloso, restrito (unless enabled) and unknown access levels, keeping no metadata', () => {
    expect(mapper().processo({ ...processo, nivel_acesso: 2 })).toEqual({ speId: '7', access: 'sigiloso', publishable: false });
    expect(mapper().processo({ ...processo, nivel_acesso: 1 })).toEqual({ speId: '7', access: 'restrito', publishable: false });
    expect(mapper(true).processo({ ...processo, nivel_acesso: 1 })).toMatchObject({ access: 'restrito', publishable: true, protocolo: '99991000007202530' });
    expect(mapper(true).processo({ ...processo, nivel_acesso: 9 })).toEqual({ speId: '7', access: 'unknown', publishable: false });
  });

  it('maps history items: published tasks with their template, others skipped', () => {
    const row = { id: 100, processo_id: 7, tarefa: 'REMESSA', data_hora: '2025-03-10 09:15:02', unidade: 'DIPRO', unidade_destino: 'CGLIC' };
    expect(mapper().item(row)).toEqual({
      speKey: '100',
      process: '7',
      dataHoraOperacao: '2025-03-10T09:15:02-03:00',
      unidadeOperacao: 'DIPRO',
      operacao: 'Processo remetido para a unidade CGLIC',
    });
    expect(mapper().item({ ...row, tarefa: 'DESPACHO' })).toEqual({ skip: 'DESPACHO' });
    expect(mapper().item({ ...row, tarefa: 'OUTRA' })).toEqual({ skip: 'OUTRA' });
    expect(mapper().item({ ...row, id: null })).toEqual({ error: 'a history item without id' });
  });

  it('finds columns whatever their case (Oracle answers in upper case)', () => {
    const upper = Object.fromEntries(Object.entries(processo).map(([k, v]) => [k.toUpperCase(), v]));
    expect(mapper().processo(upper)).toMatchObject({ speId: '7', protocolo: '99991000007202530' });
  });

  it('says which column is missing and which the rows have', () => {
    const { numero: _n, ...rest } = processo;
    expect(() => mapper().processo(rest)).toThrow(
      "the processos rows have no column 'numero' (they have: id, tipo, especificacao, data_autuacao, nivel_acesso)",
    );
  });
});
