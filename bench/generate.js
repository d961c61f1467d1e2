// Generates a large, valid ListaDocumentos for the benchmarks, streaming (constant memory).
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { nupCheckDigits } from '../dist/standard/nup.js';
import { documentoXml, XML_DECLARATION } from '../dist/standard/writer.js';

const UNITS = [
  'Divisão de Protocolo/DIPRO/CGRL/SAA/Ministério Exemplo',
  'Coordenação de Licitações e Contratos/CGLIC/SAA/Ministério Exemplo',
  'Coordenação-Geral de Gestão de Pessoas/CGGP/SAA/Ministério Exemplo',
  'Serviço de Comunicações Administrativas/SECAD/CGRL/Ministério Exemplo',
  'Assessoria Jurídica/CONJUR/Ministério Exemplo',
];
const OPERATIONS = [
  'Processo público gerado',
  'Processo remetido pela unidade',
  'Processo recebido na unidade',
  'Conclusão do processo na unidade',
  'Reabertura do processo na unidade',
  'Ciência no processo',
];
const SUBJECTS = [
  'Pedido de certidão - Requerimento de certidão de tempo de serviço',
  'Licitação - Pregão eletrônico para aquisição de material de expediente',
  'Ação de capacitação - Participação em curso de gestão documental e arquivística',
  'Contrato - Prestação de serviços de limpeza, conservação e manutenção predial',
];

function nup(n) {
  const base = `99991${String(n % 1_000_000).padStart(6, '0')}${2000 + Math.floor(n / 1_000_000)}`;
  return base + nupCheckDigits(base);
}

function pad(n) {
  return String(n).padStart(2, '0');
}

/** The i-th generated Documento (deterministic). */
export function generatedDocumento(i) {
  const day = (i % 28) + 1;
  const items = 3 + (i % 4);
  return {
    Protocolo: nup(i + 1),
    DataHoraProducao: `2025-03-${pad(day)}T00:00:00-03:00`,
    Especie: 'Processo',
    Assunto: `${SUBJECTS[i % SUBJECTS.length]} nº ${i + 1}/2025`,
    ListaProtocolosRelacionados: i > 0 ? { ProtocoloRelacionado: [nup(i)] } : undefined,
    ListaInteressados: {
      Interessado: [
        { NomeInteressado: `Interessado Exemplo ${i} da Silva (***.456.78*-**)` },
        { NomeInteressado: 'Associação Fictícia de Servidores Públicos' },
      ],
    },
    Historico: {
      ItemHistorico: Array.from({ length: items }, (_, k) => ({
        DataHoraOperacao: `2025-03-${pad(day)}T${pad(8 + k)}:${pad((i * 7 + k) % 60)}:00-03:00`,
        UnidadeOperacao: UNITS[(i + k) % UNITS.length],
        Operacao: `${OPERATIONS[k % OPERATIONS.length]} ${UNITS[(i + k + 1) % UNITS.length].split('/')[1]}`,
      })),
    },
  };
}

/** Writes `count` Documentos to `path`; returns the size in bytes. */
export async function generateLista(path, count) {
  const out = createWriteStream(path);
  let bytes = 0;
  const put = async (s) => {
    bytes += Buffer.byteLength(s);
    if (!out.write(s)) await once(out, 'drain');
  };
  await put(`${XML_DECLARATION}\n<ListaDocumentos>`);
  for (let i = 0; i < count; i++) await put(`\n  ${documentoXml(generatedDocumento(i), { indent: true }, 1)}`);
  await put('\n</ListaDocumentos>\n');
  out.end();
  await once(out, 'finish');
  return bytes;
}
