/** The alerts' e-mails and webhook texts (subject, message), and what check-config says of the channels. */

export const ALERTS = {
  'alert.runFailed.subject': {
    en: '[pi-sender] The export to the Protocolo Integrado failed',
    'pt-BR': '[pi-sender] A exportação para o Protocolo Integrado falhou',
  },
  'alert.runFailed.message': {
    en: 'The last export run failed: {error}. Nothing is lost: the next run continues from the same point.',
    'pt-BR': 'A última execução da exportação falhou: {error}. Nada se perde: a próxima execução continua do mesmo ponto.',
  },
  'alert.failures.subject': {
    en: '[pi-sender] Processes not integrated in the last cycle',
    'pt-BR': '[pi-sender] Processos não integrados no último ciclo',
  },
  'alert.failures.reminderSubject': {
    en: '[pi-sender] {total} processes still not integrated',
    'pt-BR': '[pi-sender] {total} processos ainda não integrados',
  },
  'alert.failures.fresh': {
    en: '{count} new packages were not integrated into the Protocolo Integrado.',
    'pt-BR': '{count} {count|novo pacote não foi integrado|novos pacotes não foram integrados} ao Protocolo Integrado.',
  },
  'alert.failures.reminder': {
    en: '{count} packages are still not integrated into the Protocolo Integrado.',
    'pt-BR': '{count} {count|pacote ainda não está integrado|pacotes ainda não estão integrados} ao Protocolo Integrado.',
  },
  'alert.failures.detail': {
    en: '{fi} are in FI (a failure of the service, retried on every run; {fiExhausted} of them reached the attempt limit and wait for pi-sender resend --state FI), and {en} in EN ({enPi} refused by the PI, {enValidation} invalid before sending: they go again once the data is fixed in the SPE). The oldest are listed below; pi-sender list --state EN and --state FI show them all.',
    'pt-BR':
      '{fi} estão em FI (Falha Infra: falha do serviço, tentada de novo a cada execução; {fiExhausted} deles atingiram o limite de tentativas e aguardam pi-sender resend --state FI), e {en} em EN (Erro Negocial: {enPi} recusados pelo PI, {enValidation} inválidos antes do envio: vão de novo quando os dados forem corrigidos no SPE). Os mais antigos estão listados abaixo; pi-sender list --state EN e --state FI mostram todos.',
  },
  'alert.noSuccess.subject': {
    en: '[pi-sender] {days} days without sending to the Protocolo Integrado',
    'pt-BR': '[pi-sender] Há {days} dias não há envio ao Protocolo Integrado',
  },
  'alert.noSuccess.message': {
    en: 'Nothing has been accepted by the Protocolo Integrado for {days} days (last success: {when}); the Portaria requires updates at most every 48 hours.',
    'pt-BR': 'Há {days} dias o Protocolo Integrado não aceita nada (último sucesso: {when}); a Portaria exige atualização a cada 48 horas no máximo.',
  },
  'alert.noSuccess.pending': {
    en: '{count} packages are waiting: check the login, the password, the endpoint and the schedule.',
    'pt-BR': '{count} pacotes aguardam: confira o login, a senha, o endereço e o agendamento.',
  },
  'alert.noSuccess.nothingPending': {
    en: 'Nothing is waiting to be sent: check that the SPE queries still return its movements, and the schedule.',
    'pt-BR': 'Nada aguarda envio: confira se as consultas ao SPE ainda retornam os andamentos, e o agendamento.',
  },
  'alert.notDelivered': { en: 'alert not delivered: {error}', 'pt-BR': 'alerta não entregue: {error}' },
  'alert.ageDays': { en: '{count} days', 'pt-BR': '{count} dias' },
  'alert.ageHours': { en: '{count} {count|hour|hours}', 'pt-BR': '{count} {count|hora|horas}' },
  'alert.ageLessThanHour': { en: 'less than an hour', 'pt-BR': 'menos de uma hora' },
  'alert.example': {
    en: '  - Protocolo {protocolo}: {state} for {age}{reason}',
    'pt-BR': '  - Protocolo {protocolo}: {state} há {age}{reason}',
  },
  'alert.oldest': { en: 'The oldest:', 'pt-BR': 'Os mais antigos:' },
  'alert.footer': {
    en: 'Sent by pi-sender on {host} at {when}; state store {store}.',
    'pt-BR': 'Enviado pelo pi-sender em {host} em {when}; arquivo de estado {store}.',
  },
  'alert.test.subject': { en: '[pi-sender] Test alert', 'pt-BR': '[pi-sender] Alerta de teste' },
  'alert.test.message': {
    en: 'This is a test of the alerts of pi-sender: if you read it, this channel works. Nothing is wrong with the export.',
    'pt-BR': 'Este é um teste dos alertas do pi-sender: se você está lendo, este canal funciona. Não há nada errado com a exportação.',
  },
  'alert.emailAnswers': { en: 'e-mail: {server} answers', 'pt-BR': 'e-mail: {server} responde' },
  'alert.emailNoAnswer': { en: 'e-mail: {server} does not answer: {error}', 'pt-BR': 'e-mail: {server} não responde: {error}' },
  'alert.webhookNotCalled': {
    en: 'webhook: {origin} (not called: check-config sends no alert)',
    'pt-BR': 'webhook: {origin} (não chamado: check-config não envia alertas)',
  },
} as const;
