/** validate, send, and the PI connection options. */

export const UPLOAD_COMMANDS = {
  'opt.endpoint': {
    en: 'PI SOAP address, or "homologacao" / "producao" (also homologação, produção, preprod; env PI_ENDPOINT)',
    'pt-BR': 'endereço SOAP do PI, ou "homologacao" / "producao" (também homologação, produção, preprod; variável PI_ENDPOINT)',
  },
  'opt.user': {
    en: 'PI login of the organ (env PI_USER); the password comes from PI_PASSWORD or --password-file',
    'pt-BR': 'login do órgão no PI (variável PI_USER); a senha vem de PI_PASSWORD ou de --password-file',
  },
  'opt.passwordFile': {
    en: 'file holding the PI password (else env PI_PASSWORD)',
    'pt-BR': 'arquivo com a senha do PI (senão a variável PI_PASSWORD)',
  },
  'opt.ca': {
    en: 'PEM file of an extra CA to trust (repeatable; env PI_CA_FILE)',
    'pt-BR': 'arquivo PEM de uma AC adicional em que confiar (repetível; variável PI_CA_FILE)',
  },
  'opt.cert': { en: 'client certificate (PEM), for services that need one', 'pt-BR': 'certificado de cliente (PEM), para serviços que o exigem' },
  'opt.key': { en: 'private key of --cert (PEM)', 'pt-BR': 'chave privada do --cert (PEM)' },
  'opt.pfx': { en: 'client certificate and key as PKCS#12 (.p12/.pfx)', 'pt-BR': 'certificado de cliente e chave em PKCS#12 (.p12/.pfx)' },
  'opt.certPassphraseFile': {
    en: 'file holding the passphrase of --key or --pfx (else env PI_CERT_PASSPHRASE)',
    'pt-BR': 'arquivo com a senha da --key ou do --pfx (senão a variável PI_CERT_PASSPHRASE)',
  },
  'opt.proxy': {
    en: 'HTTP(S) proxy, without credentials (else HTTPS_PROXY / HTTP_PROXY / NO_PROXY from the environment)',
    'pt-BR': 'proxy HTTP(S), sem credenciais (senão HTTPS_PROXY / HTTP_PROXY / NO_PROXY do ambiente)',
  },
  'opt.proxyCredentialsFile': {
    en: 'file holding the proxy\'s "user:password" (never in --proxy: ps shows it)',
    'pt-BR': 'arquivo com o "usuário:senha" do proxy (nunca em --proxy: o ps o mostra)',
  },
  'opt.transport': {
    en: 'soap (the web service in use today) or rest (the new REST API; env PI_TRANSPORT): see docs/rest.md',
    'pt-BR': 'soap (o web service em uso hoje) ou rest (a nova API REST; variável PI_TRANSPORT): veja docs/rest.md',
  },
  'opt.timeout': { en: 'seconds to wait for each answer', 'pt-BR': 'segundos de espera por cada resposta' },
  'opt.positiveInt': { en: "{name} must be a positive integer, not '{value}'", 'pt-BR': "{name} deve ser um inteiro positivo, não '{value}'" },
  'opt.noPassword': {
    en: 'no password: set PI_PASSWORD or use --password-file (never a flag)',
    'pt-BR': 'sem senha: defina PI_PASSWORD ou use --password-file (nunca uma opção de linha de comando)',
  },
  'opt.unknownZone': {
    en: "unknown time zone '{zone}' (use an IANA name such as America/Sao_Paulo)",
    'pt-BR': "fuso horário desconhecido '{zone}' (use um nome IANA como America/Sao_Paulo)",
  },
  'opt.logLevel': { en: 'log level on stderr (env PI_LOG_LEVEL)', 'pt-BR': 'nível de log na saída de erro (variável PI_LOG_LEVEL)' },
  'opt.logFormat': {
    en: 'stderr as readable text, or JSON Lines with the summary as a JSON record too (env PI_LOG_FORMAT)',
    'pt-BR': 'saída de erro em texto legível, ou JSON Lines com o resumo também como registro JSON (variável PI_LOG_FORMAT)',
  },
  'opt.profile': { en: 'validation profile', 'pt-BR': 'perfil de validação' },

  'validate.argFiles': { en: 'ListaDocumentos XML files (UTF-8 or ISO-8859-1)', 'pt-BR': 'arquivos XML ListaDocumentos (UTF-8 ou ISO-8859-1)' },
  'validate.optProfile': {
    en: 'strict enforces what the standard leaves unknown; lenient relaxes it',
    'pt-BR': 'strict exige o que o padrão deixa em aberto; lenient é mais tolerante',
  },
  'validate.optJson': {
    en: 'print JSON Lines (one problem per line, then a summary) instead of text',
    'pt-BR': 'imprime JSON Lines (um problema por linha, depois um resumo) em vez de texto',
  },
  'validate.optQuiet': { en: 'print errors only, not warnings', 'pt-BR': 'mostra só os erros, não os avisos' },
  'validate.optAsWritten': {
    en: 'judge the file exactly as written, for a file another client will send: what send would fix is an error',
    'pt-BR': 'julga o arquivo exatamente como está escrito, para um arquivo que outro cliente enviará: o que o send corrigiria é erro',
  },
  'validate.optTimeZone': {
    en: 'as send --time-zone: the IANA zone given to date-times without offset',
    'pt-BR': 'como send --time-zone: o fuso IANA dado a datas-horas sem deslocamento',
  },
  'validate.helpAfter': {
    en: `
A file is judged as pi-sender send will send it: what send fixes (line breaks, a formatted protocol
number, a CPF in a name, a long unit) is a warning that says what send will do. With --as-written,
the file is judged exactly as written.

Each problem is printed as
  FILE:LINE: Documento #N (Protocolo P): CODE message
Codes are listed in docs/data-standard.md.`,
    'pt-BR': `
O arquivo é julgado como o pi-sender send o enviará: o que o send corrige (quebras de linha, um número
de protocolo com pontuação, um CPF em um nome, uma unidade longa) é um aviso que diz o que o send fará.
Com --as-written, o arquivo é julgado exatamente como está escrito.

Cada problema é impresso como
  ARQUIVO:LINHA: Documento #N (Protocolo P): CÓDIGO mensagem
Os códigos estão em docs/data-standard.md (em português: docs/pt-BR/problemas.md).`,
  },
  'validate.summary': {
    en: '{documentos} {documentos|Documento|Documentos}: {valid} valid, {invalid} invalid ({errors} {errors|error|errors}, {warnings} {warnings|warning|warnings})',
    'pt-BR':
      '{documentos} {documentos|Documento|Documentos}: {valid} {valid|válido|válidos}, {invalid} {invalid|inválido|inválidos} ({errors} {errors|erro|erros}, {warnings} {warnings|aviso|avisos})',
  },
  'validate.total': { en: 'total: {files} {files|file|files}', 'pt-BR': 'total: {files} {files|arquivo|arquivos}' },
  'validate.unreadable': { en: ' ({count} unreadable)', 'pt-BR': ' ({count} {count|ilegível|ilegíveis})' },

  'send.argFile': {
    en: 'ListaDocumentos XML file (UTF-8 or ISO-8859-1), of any size',
    'pt-BR': 'arquivo XML ListaDocumentos (UTF-8 ou ISO-8859-1), de qualquer tamanho',
  },
  'send.optReport': {
    en: 'JSON Lines report, one line per Documento ("-" for stdout; default FILE.report.jsonl)',
    'pt-BR': 'relatório JSON Lines, uma linha por Documento ("-" para a saída padrão; padrão ARQUIVO.report.jsonl)',
  },
  'send.optDryRun': {
    en: 'read, normalize, validate and batch, but send nothing',
    'pt-BR': 'lê, normaliza, valida e monta os lotes, mas não envia nada',
  },
  'send.optBatchSize': {
    en: 'largest batch (the service maximum wins when smaller)',
    'pt-BR': 'maior lote (vale o máximo do serviço quando for menor)',
  },
  'send.optConcurrency': { en: 'batches in flight at once', 'pt-BR': 'lotes em andamento ao mesmo tempo' },
  'send.optRetries': { en: 'attempts per batch, the first included', 'pt-BR': 'tentativas por lote, contando a primeira' },
  'send.optRetryDelay': {
    en: 'delay before the first retry; doubles each time, with jitter',
    'pt-BR': 'espera antes da primeira nova tentativa; dobra a cada vez, com variação aleatória',
  },
  'send.optResume': {
    en: 'continue an interrupted upload from the journal beside the report',
    'pt-BR': 'continua um envio interrompido a partir do diário ao lado do relatório',
  },
  'send.optRestart': {
    en: 'discard the journal of an interrupted upload and start over',
    'pt-BR': 'descarta o diário de um envio interrompido e recomeça',
  },
  'send.optTimeZone': {
    en: 'IANA zone given to date-times without offset (e.g. America/Sao_Paulo); default: reject them',
    'pt-BR': 'fuso IANA dado a datas-horas sem deslocamento (por exemplo America/Sao_Paulo); padrão: recusá-las',
  },
  'send.optNoProgress': {
    en: 'no progress bar (it is shown only on a terminal anyway)',
    'pt-BR': 'sem barra de progresso (ela só aparece em um terminal)',
  },
  'send.optJson': {
    en: 'print the summary as one JSON object on stdout (stable English keys) instead of the text on stderr',
    'pt-BR': 'imprime o resumo como um objeto JSON na saída padrão (chaves estáveis em inglês) em vez do texto na saída de erro',
  },
  'send.helpAfter': {
    en: `
Each Documento is normalized (line breaks to spaces, CPFs masked, long names and units cut, protocol
numbers as digits), validated, and the valid ones are sent in batches. The report has one line per
Documento: {{"index","line","protocolo","outcome","code","message","attempts"}}, outcome one of
accepted, rejected (NFxxx from the PI), invalid (never sent), failed (service error after retries),
valid (dry run only).`,
    'pt-BR': `
Cada Documento é normalizado (quebras de linha viram espaços, CPFs são mascarados, nomes e unidades
longos são cortados, números de protocolo ficam só com dígitos), validado, e os válidos são enviados em
lotes. O relatório tem uma linha por Documento:
{{"index","line","protocolo","outcome","code","message","attempts"}}; outcome é accepted (aceito), rejected (recusado pelo PI com NFxxx), invalid
(inválido, nunca enviado), failed (falha do serviço após as tentativas) ou valid (só na simulação).`,
  },
  'send.resumeOrRestart': { en: 'use --resume or --restart, not both', 'pt-BR': 'use --resume ou --restart, não ambos' },
  'send.jsonAndStdoutReport': {
    en: '--json prints the summary on stdout: give the report a file (--report FILE), not -',
    'pt-BR': '--json imprime o resumo na saída padrão: dê ao relatório um arquivo (--report ARQUIVO), não -',
  },
  'send.bar': {
    en: 'sending [BAR] PERCENT% | MB/TOTAL MB | ACCEPTED accepted, REJECTED rejected, INVALID invalid, FAILED failed',
    'pt-BR': 'enviando [BAR] PERCENT% | MB/TOTAL MB | ACCEPTED aceitos, REJECTED recusados, INVALID inválidos, FAILED com falha',
  },
  'send.interrupting': {
    en: 'interrupting: waiting for the batches in flight to be recorded (Ctrl-C again to quit at once)',
    'pt-BR': 'interrompendo: aguardando o registro dos lotes em andamento (Ctrl-C de novo para sair já)',
  },
  'send.dryRunHead': {
    en: 'dry run of {file}: nothing sent ({seconds} s, {rate} Documentos/s)',
    'pt-BR': 'simulação de {file}: nada enviado ({seconds} s, {rate} Documentos/s)',
  },
  'send.head': {
    en: 'upload of {file} to {endpoint} in {seconds} s ({rate} Documentos/s)',
    'pt-BR': 'envio de {file} para {endpoint} em {seconds} s ({rate} Documentos/s)',
  },
  'send.headInterrupted': {
    en: 'interrupted upload of {file} to {endpoint} in {seconds} s ({rate} Documentos/s)',
    'pt-BR': 'envio interrompido de {file} para {endpoint} em {seconds} s ({rate} Documentos/s)',
  },
  'send.dryRunCounts': {
    en: '  {documentos} {documentos|Documento|Documentos}: {valid} valid, {invalid} invalid; {batches} {batches|batch|batches} of up to {batchSize}',
    'pt-BR':
      '  {documentos} {documentos|Documento|Documentos}: {valid} {valid|válido|válidos}, {invalid} {invalid|inválido|inválidos}; {batches} {batches|lote|lotes} de até {batchSize}',
  },
  'send.counts': {
    en: '  {documentos} {documentos|Documento|Documentos}: {accepted} accepted, {rejected} rejected, {invalid} invalid, {failed} failed ({batches} {batches|batch|batches} of up to {batchSize}{resumed})',
    'pt-BR':
      '  {documentos} {documentos|Documento|Documentos}: {accepted} {accepted|aceito|aceitos}, {rejected} {rejected|recusado|recusados}, {invalid} {invalid|inválido|inválidos}, {failed} com falha ({batches} {batches|lote|lotes} de até {batchSize}{resumed})',
  },
  'send.resumed': {
    en: '; {count} answered in the interrupted run',
    'pt-BR': '; {count} {count|respondido|respondidos} na execução interrompida',
  },
  'send.report': { en: '  report: {report}', 'pt-BR': '  relatório: {report}' },
  'send.stdout': { en: 'standard output', 'pt-BR': 'saída padrão' },
  'send.notAcceptedFirst': {
    en: '  the first {shown} of {count} not accepted (all are in the report):',
    'pt-BR': '  os primeiros {shown} de {count} não aceitos (todos estão no relatório):',
  },
  'send.notAcceptedAll': {
    en: '  the Documentos not accepted (all are in the report):',
    'pt-BR': '  os Documentos não aceitos (todos estão no relatório):',
  },
  'send.warned': {
    en: '  {count} {count|Documento|Documentos} had something left out or repaired (an attribute, text between elements, a Latin-1 byte): see "warnings" in the report',
    'pt-BR':
      '  {count} {count|Documento teve|Documentos tiveram} algo deixado de fora ou reparado (um atributo, texto entre elementos, um byte Latin-1): veja "warnings" no relatório',
  },
  'send.invalidHint': {
    en: '  invalid Documentos were not sent: pi-sender validate {file} lists every problem',
    'pt-BR': '  Documentos inválidos não foram enviados: pi-sender validate {file} lista cada problema',
  },
  'send.continueHint': {
    en: '  to continue: rerun with --resume (journal {journal})',
    'pt-BR': '  para continuar: execute de novo com --resume (diário {journal})',
  },
  'send.failedHint': {
    en: '  {count} {count|Documento|Documentos} failed after every retry; to send them again: rerun with --resume (journal {journal})',
    'pt-BR':
      '  {count} {count|Documento falhou|Documentos falharam} após todas as tentativas; para enviá-los de novo: execute de novo com --resume (diário {journal})',
  },
} as const;
