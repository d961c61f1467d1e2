/** `pi-sender simulator` and `pi-sender siafi simulator`: their options and what they print for people. */

export const SIMULATOR_COMMANDS = {
  'sim.betweenZeroAndOne': { en: "{name} must be between 0 and 1, not '{value}'", 'pt-BR': "{name} deve estar entre 0 e 1, não '{value}'" },
  'sim.optHost': { en: 'address to listen on', 'pt-BR': 'endereço em que escutar' },
  'sim.optPort': { en: 'port (0 picks a free one)', 'pt-BR': 'porta (0 escolhe uma livre)' },
  'sim.optUser': { en: 'HTTP Basic user the service accepts', 'pt-BR': 'usuário HTTP Basic que o serviço aceita' },
  'sim.optPasswordFile': {
    en: 'file with the password the service accepts (else env PI_SIMULATOR_PASSWORD, else a random one printed on stderr)',
    'pt-BR': 'arquivo com a senha que o serviço aceita (senão a variável PI_SIMULATOR_PASSWORD, senão uma aleatória mostrada na saída de erro)',
  },
  'sim.optMaxDocs': {
    en: 'answer of getQuantidadeMaximaDocumentosPorRequisicao; larger batches get a fault',
    'pt-BR': 'resposta de getQuantidadeMaximaDocumentosPorRequisicao; lotes maiores recebem uma falha',
  },
  'sim.optTlsCert': { en: 'serve HTTPS with this certificate (PEM)', 'pt-BR': 'serve HTTPS com este certificado (PEM)' },
  'sim.optTlsKey': { en: 'private key of --tls-cert (PEM)', 'pt-BR': 'chave privada do --tls-cert (PEM)' },
  'sim.optRecord': {
    en: 'append every accepted Documento to this JSON Lines file',
    'pt-BR': 'acrescenta cada Documento aceito a este arquivo JSON Lines',
  },
  'sim.optProfile': { en: 'profile used to check Documentos', 'pt-BR': 'perfil usado para verificar os Documentos' },
  'sim.optNoResultProtocolo': {
    en: 'do not echo Protocolo in ResultadoDocumento (unknown for the real service)',
    'pt-BR': 'não repete o Protocolo em ResultadoDocumento (desconhecido no serviço real)',
  },
  'sim.optAuthFailure': { en: 'answer to bad credentials', 'pt-BR': 'resposta a credenciais erradas' },
  'sim.optFailRate': { en: 'share of requests answered HTTP 500 or 503', 'pt-BR': 'fração das requisições respondidas com HTTP 500 ou 503' },
  'sim.optDropRate': { en: 'share of requests whose connection is dropped', 'pt-BR': 'fração das requisições cuja conexão é derrubada' },
  'sim.optMalformedRate': {
    en: 'share of requests answered with a truncated envelope',
    'pt-BR': 'fração das requisições respondidas com um envelope truncado',
  },
  'sim.optDelay': { en: 'delay before each answer: MS or MIN-MAX', 'pt-BR': 'espera antes de cada resposta: MS ou MIN-MAX' },
  'sim.optScript': {
    en: 'faults for the next requests, in order: ok,500,503,drop,drop-after,delay=MS,malformed,not-xml,count-mismatch,garbage-result,fault (503x3 repeats)',
    'pt-BR':
      'falhas para as próximas requisições, em ordem: ok,500,503,drop,drop-after,delay=MS,malformed,not-xml,count-mismatch,garbage-result,fault (503x3 repete)',
  },
  'sim.optSeed': { en: 'seed for the random faults', 'pt-BR': 'semente das falhas aleatórias' },
  'sim.optTokenTtl': {
    en: 'lifetime of the REST API tokens (the REST API is served beside SOAP, under /api/)',
    'pt-BR': 'validade dos tokens da API REST (a API REST é servida junto com o SOAP, em /api/)',
  },
  'sim.helpAfter': {
    en: '\nThe first line on stdout is "listening on URL" (in every language: scripts read it). Stop it with Ctrl-C. See docs/simulator.md.',
    'pt-BR': '\nA primeira linha na saída padrão é "listening on URL" (em qualquer idioma: scripts a leem). Pare com Ctrl-C. Veja docs/simulator.md.',
  },
  'sim.randomPassword': {
    en: 'no password given: user "{user}", password "{password}" (set PI_SIMULATOR_PASSWORD to choose one)',
    'pt-BR': 'nenhuma senha informada: usuário "{user}", senha "{password}" (defina PI_SIMULATOR_PASSWORD para escolher uma)',
  },
  'sim.certAndKey': { en: '--tls-cert and --tls-key go together', 'pt-BR': '--tls-cert e --tls-key são usados juntos' },
  'sim.badDelay': { en: "--delay must be MS or MIN-MAX, not '{value}'", 'pt-BR': "--delay deve ser MS ou MIN-MAX, não '{value}'" },
  'listen.failed': { en: 'cannot listen on {where}: {reason} ({code})', 'pt-BR': 'não é possível escutar em {where}: {reason} ({code})' },
  'listen.EADDRINUSE': {
    en: 'the port is in use by another program: choose another with --port',
    'pt-BR': 'a porta está em uso por outro programa: escolha outra com --port',
  },
  'listen.EACCES': {
    en: 'this user may not listen on that port (ports under 1024 need privileges): choose another with --port',
    'pt-BR': 'este usuário não pode escutar nessa porta (portas abaixo de 1024 exigem privilégios): escolha outra com --port',
  },
  'listen.EADDRNOTAVAIL': { en: 'this machine has no such address: check --host', 'pt-BR': 'esta máquina não tem esse endereço: confira --host' },
  'sim.unknownToken': { en: "unknown {what} '{token}' (use {known})", 'pt-BR': "{what} desconhecido '{token}' (use {known})" },
  'sim.fault': { en: 'fault', 'pt-BR': 'comportamento' },
  'sim.siafiBehaviour': { en: 'SIAFI simulator behaviour', 'pt-BR': 'comportamento do simulador do SIAFI' },
  'sim.stopped': {
    en: 'stopped after {requests} requests: {accepted} Documentos accepted, {rejected} rejected',
    'pt-BR': 'parado após {requests} requisições: {accepted} Documentos aceitos, {rejected} recusados',
  },
} as const;
