/** status, list, show, resend and the options they share (--config, --store). */

export const STORE_COMMANDS = {
  'opt.config': {
    en: 'the export configuration (else PI_SENDER_CONFIG, else ./pi-sender.yaml)',
    'pt-BR': 'a configuração da exportação (senão PI_SENDER_CONFIG, senão ./pi-sender.yaml)',
  },
  'opt.store': {
    en: "a state store without an export configuration (a library sender's); times in PI_SENDER_TIME_ZONE, default America/Sao_Paulo",
    'pt-BR': 'um arquivo de estado sem configuração de exportação (o de um sender da biblioteca); horários em PI_SENDER_TIME_ZONE, padrão America/Sao_Paulo',
  },
  'opt.json': { en: 'print JSON', 'pt-BR': 'imprime JSON' },
  'opt.jsonLines': { en: 'one JSON object per line', 'pt-BR': 'um objeto JSON por linha' },
  'store.configOrStore': { en: 'give --config or --store, not both', 'pt-BR': 'informe --config ou --store, não ambos' },
  'store.noStore': { en: 'no state store at {file}', 'pt-BR': 'não há arquivo de estado em {file}' },
  'store.unknownZone': {
    en: "{where}: unknown time zone '{zone}'",
    'pt-BR': "{where}: fuso horário desconhecido '{zone}'",
  },

  'status.store': { en: 'state store: {file}', 'pt-BR': 'arquivo de estado: {file}' },
  'status.packages': {
    en: 'packages: NI {ni} (waiting), I {i} (integrated), EN {en} ({enPi} refused by the PI, {enValidation} invalid), FI {fi} ({fiExhausted} past {maxAttempts} attempts)',
    'pt-BR':
      'pacotes: NI {ni} (Não Integrado), I {i} (Integrado), EN {en} (Erro Negocial: {enPi} recusados pelo PI, {enValidation} inválidos), FI {fi} (Falha Infra: {fiExhausted} além de {maxAttempts} tentativas)',
  },
  'status.lastSuccess': { en: 'last successful send: {when}', 'pt-BR': 'último envio com sucesso: {when}' },
  'status.hoursAgo': { en: ' ({hours} hours ago)', 'pt-BR': ' (há {hours} horas)' },
  'status.oldestPending': { en: 'oldest pending package: {when}', 'pt-BR': 'pacote pendente mais antigo: {when}' },
  'status.lastRun': { en: 'last run: {run}', 'pt-BR': 'última execução: {run}' },
  'status.run': { en: '#{id} {status}, {when}', 'pt-BR': 'nº {id} {status}, {when}' },
  'status.watermark': {
    en: 'watermark: {watermark}; {items} history items stored',
    'pt-BR': 'marca d’água: {watermark}; {items} itens de histórico guardados',
  },
  'status.noWatermark': { en: 'none yet', 'pt-BR': 'nenhuma ainda' },
  'status.neverSent': {
    en: 'WARNING: nothing was ever sent successfully while {pending} packages wait: the Portaria asks for updates at most every {limit} hours',
    'pt-BR': 'ATENÇÃO: nada foi enviado com sucesso até hoje e {pending} pacotes aguardam: a Portaria pede atualização a cada {limit} horas no máximo',
  },
  'status.late': {
    en: 'WARNING: nothing was sent successfully for {hours} hours while {pending} packages wait: the Portaria asks for updates at most every {limit} hours',
    'pt-BR': 'ATENÇÃO: nada foi enviado com sucesso há {hours} horas e {pending} pacotes aguardam: a Portaria pede atualização a cada {limit} horas no máximo',
  },
  'status.stale': {
    en: 'WARNING: {count} packages have been EN or FI for more than {days} days (the oldest since {when}): pi-sender list --state EN, --state FI',
    'pt-BR': 'ATENÇÃO: {count} pacotes estão em EN ou FI há mais de {days} dias (o mais antigo desde {when}): pi-sender list --state EN, --state FI',
  },
  'status.exhausted': {
    en: 'WARNING: {count} FI packages reached the attempt limit and are not retried: pi-sender resend --state FI',
    'pt-BR': 'ATENÇÃO: {count} pacotes FI atingiram o limite de tentativas e não são mais tentados: pi-sender resend --state FI',
  },

  'list.optState': { en: 'NI, I, EN or FI', 'pt-BR': 'NI, I, EN ou FI' },
  'list.optProtocolo': { en: 'one Protocolo (formatted or not)', 'pt-BR': 'um Protocolo (com ou sem pontuação)' },
  'list.optSince': {
    en: 'changed since this date: AAAA-MM-DD or DD/MM/AAAA, optionally with HH:MM (in the configured zone)',
    'pt-BR': 'alterados desde esta data: DD/MM/AAAA ou AAAA-MM-DD, opcionalmente com HH:MM (no fuso configurado)',
  },
  'list.optLimit': { en: 'at most this many', 'pt-BR': 'no máximo esta quantidade' },
  'list.notADate': {
    en: "--since: not a date: '{value}' (write AAAA-MM-DD or DD/MM/AAAA)",
    'pt-BR': "--since: não é uma data: '{value}' (escreva DD/MM/AAAA ou AAAA-MM-DD)",
  },
  'list.none': { en: 'no packages', 'pt-BR': 'nenhum pacote' },
  'list.head': { en: 'id|state|tries|protocolo|changed|code|message', 'pt-BR': 'id|situação|tent.|protocolo|alterado|código|mensagem' },

  'show.argProtocolo': { en: 'the Protocolo, formatted or not', 'pt-BR': 'o Protocolo, com ou sem pontuação' },
  'show.none': { en: 'no package for Protocolo {protocolo} in {file}', 'pt-BR': 'nenhum pacote do Protocolo {protocolo} em {file}' },
  'show.package': {
    en: 'package {id}: {state}, {attempts} attempts, created {created}, sent {sent}, changed {changed}',
    'pt-BR': 'pacote {id}: {state}, {attempts} tentativas, gerado em {created}, enviado em {sent}, alterado em {changed}',
  },
  'show.answer': { en: '  answer: {answer}', 'pt-BR': '  resposta: {answer}' },
  'show.fromPi': { en: 'from the PI', 'pt-BR': 'do PI' },
  'show.fromValidation': { en: 'pi-sender validation, not sent', 'pt-BR': 'validação do pi-sender, não enviado' },
  'show.fromService': { en: 'service failure', 'pt-BR': 'falha do serviço' },
  'show.attempt': { en: '  attempt {when}: {outcome}', 'pt-BR': '  tentativa {when}: {outcome}' },
  'show.sentAs': { en: ' (sent as Protocolo {protocolo})', 'pt-BR': ' (enviado como Protocolo {protocolo})' },
  'show.notBuilt': {
    en: '  (not built yet: the next export builds and sends it)',
    'pt-BR': '  (ainda não montado: a próxima exportação o monta e envia)',
  },

  'resend.optProtocolo': { en: 'the packages of this Protocolo', 'pt-BR': 'os pacotes deste Protocolo' },
  'resend.optState': {
    en: 'every package in this state (e.g. FI past the attempt limit, or EN after fixing the data)',
    'pt-BR': 'todos os pacotes nesta situação (por exemplo, FI além do limite de tentativas, ou EN depois de corrigir os dados)',
  },
  'resend.optJson': {
    en: 'print a JSON object (packages, protocolo, state, newState) on stdout instead of the sentence',
    'pt-BR': 'imprime um objeto JSON (packages, protocolo, state, newState) na saída padrão em vez da frase',
  },
  'resend.giveOne': { en: 'give --protocolo P or --state S', 'pt-BR': 'informe --protocolo P ou --state S' },
  'resend.done': {
    en: '{count} {count|package|packages} set to NI: the next export sends {count|it|them}',
    'pt-BR': '{count} {count|pacote voltou|pacotes voltaram} para NI: a próxima exportação {count|o envia|os envia}',
  },
} as const;
