/** The compliance report (`pi-sender report`) and its page. */

export const REPORT = {
  'command.report': {
    en: 'the 48-hour compliance report of a month or a period (Portaria 2.320/2014): a table, CSV, JSON or a page to print; exit 1 when not compliant',
    'pt-BR':
      'o relatório de conformidade das 48 horas de um mês ou período (Portaria 2.320/2014): tabela, CSV, JSON ou página para imprimir; sai com 1 quando não conforme',
  },
  'report.optMonth': { en: 'the month: AAAA-MM (default: this month up to today)', 'pt-BR': 'o mês: AAAA-MM (padrão: este mês até hoje)' },
  'report.optFrom': { en: 'first day: DD/MM/AAAA or AAAA-MM-DD', 'pt-BR': 'primeiro dia: DD/MM/AAAA ou AAAA-MM-DD' },
  'report.optUntil': { en: 'last day (included): DD/MM/AAAA or AAAA-MM-DD', 'pt-BR': 'último dia (incluído): DD/MM/AAAA ou AAAA-MM-DD' },
  'report.optFormat': {
    en: 'table (for a terminal), csv, json or html (a page to print to PDF)',
    'pt-BR': 'table (para um terminal), csv, json ou html (uma página para imprimir em PDF)',
  },
  'report.optOutput': { en: 'write to this file instead of standard output', 'pt-BR': 'escreve neste arquivo em vez da saída padrão' },
  'report.optAgency': {
    en: "the agency's name on the report (else agency: in the configuration, or PI_SENDER_AGENCY)",
    'pt-BR': 'o nome do órgão no relatório (senão agency: na configuração, ou PI_SENDER_AGENCY)',
  },
  'report.exit0': { en: 'compliant: no gap over 48 hours while something waited', 'pt-BR': 'conforme: nenhum intervalo acima de 48 horas com algo aguardando' },
  'report.exit1': {
    en: 'not compliant: a gap over 48 hours while something waited',
    'pt-BR': 'não conforme: um intervalo acima de 48 horas com algo aguardando',
  },
  'report.monthOrDays': { en: 'give --month, or --from and --until, not both', 'pt-BR': 'informe --month, ou --from e --until, não ambos' },
  'report.fromAndUntil': { en: '--from and --until go together', 'pt-BR': '--from e --until são usados juntos' },
  'report.badDay': {
    en: "{option}: not a day: '{value}' (write DD/MM/AAAA or AAAA-MM-DD)",
    'pt-BR': "{option}: não é um dia: '{value}' (escreva DD/MM/AAAA ou AAAA-MM-DD)",
  },
  'report.badMonth': { en: "--month: not a month: '{value}' (write AAAA-MM)", 'pt-BR': "--month: não é um mês: '{value}' (escreva AAAA-MM)" },
  'report.badPeriod': { en: 'the period ends ({until}) before it starts ({from})', 'pt-BR': 'o período termina ({until}) antes de começar ({from})' },
  'report.tooLong': { en: 'the period is longer than ten years', 'pt-BR': 'o período é maior que dez anos' },
  'report.title': {
    en: 'Compliance with the 48-hour rule (Portaria Interministerial 2.320/2014)',
    'pt-BR': 'Conformidade com a regra das 48 horas (Portaria Interministerial 2.320/2014)',
  },
  'report.period': { en: 'Period: {from} to {until} ({zone})', 'pt-BR': 'Período: {from} a {until} ({zone})' },
  'report.columns': {
    en: 'Day|Runs|Successful|Accepted|Rejected|Invalid|Failed|Longest gap|Over 48 h|Pending at end|Oldest pending',
    'pt-BR': 'Dia|Execuções|Com sucesso|Aceitos|Recusados|Inválidos|Falhas|Maior intervalo|Acima de 48 h|Pendentes no fim|Pendente mais antigo',
  },
  'report.hours': { en: '{hours} h', 'pt-BR': '{hours} h' },
  'report.yes': { en: 'yes', 'pt-BR': 'sim' },
  'report.no': { en: 'no', 'pt-BR': 'não' },
  'report.compliant': {
    en: 'COMPLIANT: no gap of more than {limit} hours between successful sends while something waited',
    'pt-BR': 'CONFORME: nenhum intervalo de mais de {limit} horas entre envios com sucesso enquanto algo aguardava',
  },
  'report.notCompliant': {
    en: 'NOT COMPLIANT: {count} {count|gap|gaps} of more than {limit} hours between successful sends while something waited',
    'pt-BR': 'NÃO CONFORME: {count} {count|intervalo|intervalos} de mais de {limit} horas entre envios com sucesso enquanto algo aguardava',
  },
  'report.noRecord': {
    en: 'NOT SHOWN: the state store holds no record of this period (no run, no package)',
    'pt-BR': 'NÃO DEMONSTRADO: o arquivo de estado não tem registro deste período (nenhuma execução, nenhum pacote)',
  },
  'report.firstRecord': {
    en: 'The state store starts on {when}: the days before it are not judged',
    'pt-BR': 'O arquivo de estado começa em {when}: os dias anteriores não são avaliados',
  },
  'report.gap': { en: '{hours} h, from {from} to {until}', 'pt-BR': '{hours} h, de {from} a {until}' },
  'report.gapOpen': { en: '{hours} h, from {from} to {until} (still open)', 'pt-BR': '{hours} h, de {from} a {until} (ainda aberto)' },
  'report.worstGap': { en: 'Longest gap between successful sends: {gap}', 'pt-BR': 'Maior intervalo entre envios com sucesso: {gap}' },
  'report.noGap': { en: 'No gap of more than 10 minutes between successful sends', 'pt-BR': 'Nenhum intervalo de mais de 10 minutos entre envios com sucesso' },
  'report.daysWithoutSuccess': {
    en: 'Days without any successful send: {count} ({days})',
    'pt-BR': 'Dias sem nenhum envio com sucesso: {count} ({days})',
  },
  'report.totals': {
    en: 'Runs: {runs} ({successfulRuns} successful); Documentos: {accepted} accepted, {rejected} rejected, {invalid} invalid, {failed} failed',
    'pt-BR': 'Execuções: {runs} ({successfulRuns} com sucesso); Documentos: {accepted} aceitos, {rejected} recusados, {invalid} inválidos, {failed} com falha',
  },
  'report.lastSuccess': { en: 'Last successful send: {when}', 'pt-BR': 'Último envio com sucesso: {when}' },
  'report.violation': { en: 'Over the limit with packages waiting: {gap}', 'pt-BR': 'Acima do limite com pacotes aguardando: {gap}' },
  'report.footer': {
    en: 'Made by pi-sender on {when} from the state store {store}.',
    'pt-BR': 'Gerado pelo pi-sender em {when} a partir do arquivo de estado {store}.',
  },
  'report.wrote': { en: 'wrote {file}', 'pt-BR': 'escrito {file}' },
} as const;
