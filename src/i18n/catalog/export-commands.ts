/** export, check-config, init, alerts test, demo, sample-spe. */

export const EXPORT_COMMANDS = {
  'export.optSchedule': {
    en: 'keep running, exporting on this cron in the configured time zone (e.g. "0 2 * * *")',
    'pt-BR': 'continua em execução, exportando neste cron no fuso configurado (por exemplo "0 2 * * *")',
  },
  'export.optNoSend': { en: 'read from the SPE into the state store, send nothing', 'pt-BR': 'lê do SPE para o arquivo de estado, sem enviar nada' },
  'export.optJson': { en: 'print the run summary as JSON on stdout', 'pt-BR': 'imprime o resumo da execução como JSON na saída padrão' },
  'export.optMetricsFile': {
    en: "after each run, write its metrics (OpenMetrics text) for node_exporter's textfile collector (env PI_SENDER_METRICS_FILE)",
    'pt-BR': 'após cada execução, escreve suas métricas (texto OpenMetrics) para o textfile collector do node_exporter (variável PI_SENDER_METRICS_FILE)',
  },
  'export.optLogFormat': {
    en: 'stderr as readable text, or JSON Lines with the run summary as a JSON record too (env PI_LOG_FORMAT)',
    'pt-BR': 'saída de erro em texto legível, ou JSON Lines com o resumo da execução também como registro JSON (variável PI_LOG_FORMAT)',
  },
  'export.scheduledLog': { en: 'scheduled: waiting for the next run (Ctrl-C to stop)', 'pt-BR': 'agendado: aguardando a próxima execução (Ctrl-C para parar)' },
  'export.scheduled': {
    en: 'scheduled "{cron}" ({zone}); next run {when}',
    'pt-BR': 'agendado "{cron}" ({zone}); próxima execução {when}',
  },
  'export.stopping': { en: 'stopping: waiting for the run in progress, if any', 'pt-BR': 'parando: aguardando a execução em andamento, se houver' },
  'export.interrupting': {
    en: 'interrupting: recording the batches in flight, starting no other (Ctrl-C again to quit at once)',
    'pt-BR': 'interrompendo: registrando os lotes em andamento, sem iniciar outros (Ctrl-C de novo para sair já)',
  },
  'export.eta': { en: ', about {duration} to go', 'pt-BR': ', faltam cerca de {duration}' },
  'export.progress': {
    en: 'sending: {done}/{total} packages, {inFlight} batches in flight, {rate} packages/s{eta}',
    'pt-BR': 'enviando: {done}/{total} pacotes, {inFlight} lotes em andamento, {rate} pacotes/s{eta}',
  },
  'export.head': { en: 'export run {run}{window} in {seconds} s{outcome}', 'pt-BR': 'execução {run} da exportação{window} em {seconds} s{outcome}' },
  'export.window': { en: ' (window {since} → {until})', 'pt-BR': ' (janela {since} → {until})' },
  'export.failed': { en: ' FAILED', 'pt-BR': ' FALHOU' },
  'export.interrupted': {
    en: ' INTERRUPTED (what was answered is recorded; the next run goes on)',
    'pt-BR': ' INTERROMPIDA (o que foi respondido está registrado; a próxima execução continua)',
  },
  'export.read': {
    en: '  read: {processes} processes ({withheld} withheld: sigiloso, restrito or unknown access), {items} new history items',
    'pt-BR': '  lidos: {processes} processos ({withheld} retidos: sigilosos, restritos ou de acesso desconhecido), {items} novos itens de histórico',
  },
  'export.changed': { en: ', {count} changed', 'pt-BR': ', {count} {count|alterado|alterados}' },
  'export.alreadyQueued': { en: ', {count} already queued', 'pt-BR': ', {count} já na fila' },
  'export.ofUnpublished': { en: ', {count} of unpublished tasks', 'pt-BR': ', {count} de tarefas não publicadas' },
  'export.withheld': { en: ', {count} withheld', 'pt-BR': ', {count} {count|retido|retidos}' },
  'export.dropped': {
    en: '  {count} processes became sigiloso (or restrito, not published): their movements not yet sent were deleted, never sent',
    'pt-BR': '  {count} processos ficaram sigilosos (ou restritos, não publicados): seus andamentos ainda não enviados foram apagados, nunca enviados',
  },
  'export.nowPublic': {
    en: '  {count} withheld processes may be published now: their earlier movements were read again',
    'pt-BR': '  {count} processos retidos agora podem ser publicados: seus andamentos anteriores foram lidos de novo',
  },
  'export.orphans': {
    en: '  {count} history items refer to processes the processos query did not return: the watermark stays until it does',
    'pt-BR': '  {count} itens de histórico se referem a processos que a consulta de processos não retornou: a marca d’água fica parada até que retorne',
  },
  'export.sent': {
    en: '  sent: {due} packages due, {batches} batches of up to {batchSize}: {accepted} accepted, {rejected} rejected, {invalid} invalid, {failed} failed',
    'pt-BR':
      '  envio: {due} pacotes devidos, {batches} lotes de até {batchSize}: {accepted} aceitos, {rejected} recusados, {invalid} inválidos, {failed} com falha',
  },
  'export.store': {
    en: '  store: NI {ni}, I {i}, EN {en}, FI {fi}; last success {when}',
    'pt-BR': '  estado: NI {ni}, I {i}, EN {en}, FI {fi}; último sucesso {when}',
  },
  'export.alertSent': { en: '  alert {event}: sent by {channels}', 'pt-BR': '  alerta {event}: enviado por {channels}' },
  'export.alertNotSent': { en: '  alert {event}: not delivered', 'pt-BR': '  alerta {event}: não entregue' },
  'export.and': { en: ' and ', 'pt-BR': ' e ' },
  'export.cannotWriteMetrics': {
    en: 'cannot write the metrics file {file}: {reason}',
    'pt-BR': 'não é possível escrever o arquivo de métricas {file}: {reason}',
  },
  'export.error': { en: '  error: {message}', 'pt-BR': '  erro: {message}' },

  'check.optSample': { en: 'how many mapped Documentos to show', 'pt-BR': 'quantos Documentos mapeados mostrar' },
  'check.optRows': { en: 'rows read at most from each query', 'pt-BR': 'no máximo quantas linhas ler de cada consulta' },
  'check.optNoPi': { en: 'do not contact the PI', 'pt-BR': 'não contata o PI' },
  'check.optJson': {
    en: 'print the findings as one JSON object on stdout (stable English keys) instead of the text',
    'pt-BR': 'imprime o resultado como um objeto JSON na saída padrão (chaves estáveis em inglês) em vez do texto',
  },
  'check.configuration': {
    en: 'configuration: {file}: ok ({source} source, time zone {zone}, restrito {restrito}, profile {profile})',
    'pt-BR': 'configuração: {file}: ok (fonte {source}, fuso {zone}, restrito {restrito}, perfil {profile})',
  },
  'check.published': { en: 'published', 'pt-BR': 'publicado' },
  'check.withheldWord': { en: 'withheld', 'pt-BR': 'retido' },
  'check.piOk': {
    en: 'PI: {endpoint}: credentials accepted; up to {max} Documentos per request',
    'pt-BR': 'PI: {endpoint}: credenciais aceitas; até {max} Documentos por requisição',
  },
  'check.piNotContacted': { en: 'PI: not contacted (--no-pi)', 'pt-BR': 'PI: não contatado (--no-pi)' },
  'check.noAlerts': { en: 'alerts: none configured (docs/export.md#alerts)', 'pt-BR': 'alertas: nenhum configurado (docs/pt-BR/alertas.md)' },
  'check.alertNote': { en: 'alerts: {note}', 'pt-BR': 'alertas: {note}' },
  'check.xmlFolder': {
    en: 'SPE: {folder}: {count} ListaDocumentos files to read (pi-sender validate checks them one by one)',
    'pt-BR': 'SPE: {folder}: {count} arquivos ListaDocumentos a ler (pi-sender validate os verifica um a um)',
  },
  'check.reachableFiles': {
    en: 'SPE: reachable; sampling up to {rows} rows of each kind of file',
    'pt-BR': 'SPE: acessível; amostra de até {rows} linhas de cada tipo de arquivo',
  },
  'check.reachableQuery': {
    en: 'SPE: reachable; sampling up to {rows} rows of each query (window {since} → {until})',
    'pt-BR': 'SPE: acessível; amostra de até {rows} linhas de cada consulta (janela {since} → {until})',
  },
  'check.sample': {
    en: '  sample: {processes} processes ({withheld} withheld{unknown}), {items} history items to publish, {unpublished} of unpublished tasks, {itemsWithheld} withheld{orphans}{invalidRows}',
    'pt-BR':
      '  amostra: {processes} processos ({withheld} retidos{unknown}), {items} itens de histórico a publicar, {unpublished} de tarefas não publicadas, {itemsWithheld} retidos{orphans}{invalidRows}',
  },
  'check.unknownAccess': {
    en: ', {count} with an access level the mapping does not know',
    'pt-BR': ', {count} com um nível de acesso que o mapeamento não conhece',
  },
  'check.orphans': { en: ', {count} of processes outside the sample', 'pt-BR': ', {count} de processos fora da amostra' },
  'check.invalidRows': { en: ', {count} rows without id or process', 'pt-BR': ', {count} linhas sem id ou processo' },
  'check.nothingToShow': {
    en: '  no Documento to show: nothing in the window has a published task of a publishable process',
    'pt-BR': '  nenhum Documento a mostrar: nada na janela tem uma tarefa publicada de um processo publicável',
  },
  'check.validated': {
    en: '  validated {count} Documentos of the sample: {valid} valid, {invalid} invalid',
    'pt-BR': '  validados {count} Documentos da amostra: {valid} válidos, {invalid} inválidos',
  },
  'check.codeCount': { en: '    {code}{tag}: {count} (e.g. {example})', 'pt-BR': '    {code}{tag}: {count} (por exemplo {example})' },
  'check.warningLine': { en: '  WARNING: {warning}', 'pt-BR': '  ATENÇÃO: {warning}' },
  'check.documento': { en: 'Documento {protocolo}: {verdict}', 'pt-BR': 'Documento {protocolo}: {verdict}' },
  'check.valid': { en: 'valid', 'pt-BR': 'válido' },
  'check.invalid': { en: 'INVALID', 'pt-BR': 'INVÁLIDO' },
  'check.normalized': { en: ' (normalized: {kinds})', 'pt-BR': ' (normalizado: {kinds})' },
  'check.future': {
    en: "the newest movement of the sample, {when}, is {minutes} minutes in the future: the SPE's times may be in another zone than timeZone ({zone}); such movements are read only once their time has passed",
    'pt-BR':
      'o andamento mais recente da amostra, {when}, está {minutes} minutos no futuro: os horários do SPE podem estar em outro fuso que o timeZone ({zone}); esses andamentos só são lidos depois que seu horário passar',
  },
  'check.plans': {
    en: "queries' plans for a run with little to read ({since} → {until}): {verdict}",
    'pt-BR': 'planos das consultas numa execução com pouco a ler ({since} → {until}): {verdict}',
  },
  'check.plansIndexed': { en: 'no large table read end to end', 'pt-BR': 'nenhuma tabela grande lida por inteiro' },
  'check.plansScan': { en: 'see the warnings below', 'pt-BR': 'veja os avisos abaixo' },
  'check.planFullScan': {
    en: 'the {kind} query reads all of table {table} ({rows} rows) on every run, however little changed: give it an index on the columns of its window (docs/export.md)',
    'pt-BR':
      'a consulta {kind} lê a tabela {table} inteira ({rows} linhas) a cada execução, por menos que mude: crie um índice nas colunas da sua janela (docs/pt-BR/exportacao.md)',
  },
  'check.planNoStatistics': {
    en: 'the {kind} query reads all of table {table}, which has no statistics: run ANALYZE on the SPE database (the planner then knows its size), then check again',
    'pt-BR':
      'a consulta {kind} lê a tabela {table} inteira, que não tem estatísticas: rode ANALYZE no banco do SPE (o planejador passa a saber seu tamanho) e verifique de novo',
  },
  'check.planUnsupported': {
    en: "queries' plans: not shown for {type} (PostgreSQL, MySQL, MariaDB and SQLite only)",
    'pt-BR': 'planos das consultas: não mostrados para {type} (só PostgreSQL, MySQL, MariaDB e SQLite)',
  },
  'check.cpfNotRead': {
    en: 'mapping.interessado maps cpf or natureza, but pi.sendCpf is off: those columns are not read (docs/rest.md)',
    'pt-BR': 'mapping.interessado mapeia cpf ou natureza, mas pi.sendCpf está desligado: essas colunas não são lidas (docs/pt-BR/rest.md)',
  },
  'check.cpfSoap': {
    en: 'pi.sendCpf is on with the SOAP transport, which has no place for a CPF: CPFs are kept but not sent until pi.transport is rest',
    'pt-BR': 'pi.sendCpf está ligado com o transporte SOAP, que não tem lugar para CPF: os CPFs são guardados, mas só enviados com pi.transport rest',
  },
  'check.watermarkAhead': {
    en: 'the watermark {watermark} is later than now ({now} in {zone}): the clock went back or the zone changed; the next windows read nothing until then',
    'pt-BR': 'a marca d’água {watermark} é posterior a agora ({now} em {zone}): o relógio voltou ou o fuso mudou; as próximas janelas não leem nada até lá',
  },

  'init.optSource': { en: 'where the SPE data comes from', 'pt-BR': 'de onde vêm os dados do SPE' },
  'init.optOutput': { en: 'where to write it', 'pt-BR': 'onde escrevê-la' },
  'init.optForce': { en: 'replace an existing file', 'pt-BR': 'substitui um arquivo existente' },
  'init.exists': { en: '{file} exists: use --force to replace it', 'pt-BR': '{file} já existe: use --force para substituí-lo' },
  'init.wrote': {
    en: 'wrote {file} ({source} source). Edit the queries and the mapping for your SPE, then:\n  pi-sender check-config --config {file}',
    'pt-BR': 'escrito {file} (fonte {source}). Ajuste as consultas e o mapeamento ao seu SPE, depois:\n  pi-sender check-config --config {file}',
  },

  'alerts.test': {
    en: 'send a test message through every configured channel (webhook, e-mail) and say which worked',
    'pt-BR': 'envia uma mensagem de teste por cada canal configurado (webhook, e-mail) e diz quais funcionaram',
  },
  'alerts.delivered': { en: '{channel}: delivered', 'pt-BR': '{channel}: entregue' },
  'alerts.notDelivered': { en: '{channel}: NOT delivered: {error}', 'pt-BR': '{channel}: NÃO entregue: {error}' },
  'alerts.noChannel': {
    en: 'no alert channel in {file}: add alerts.webhook or alerts.email (docs/export.md#alerts)',
    'pt-BR': 'nenhum canal de alerta em {file}: acrescente alerts.webhook ou alerts.email (docs/pt-BR/alertas.md)',
  },

  'demo.optUpload': {
    en: 'upload samples/lista-documentos.xml instead, printing the report',
    'pt-BR': 'em vez disso, envia samples/lista-documentos.xml e mostra o relatório',
  },
  'demo.built': { en: 'built the sample SPE: {file} ({processes} processes)', 'pt-BR': 'SPE de exemplo montado: {file} ({processes} processos)' },
  'demo.simulator': {
    en: 'local PI simulator: {url}\nexporting the sample SPE (samples/spe/pi-sender.sqlite.yaml) with a fresh state store',
    'pt-BR': 'simulador local do PI: {url}\nexportando o SPE de exemplo (samples/spe/pi-sender.sqlite.yaml) com um arquivo de estado novo',
  },
  'demo.read': {
    en: 'read from the SPE: {processes} processes, {withheld} of them withheld (sigiloso, or restrito: not published by default); {items} history items to publish, {internal} internal ones (tasks not published)',
    'pt-BR':
      'lidos do SPE: {processes} processos, {withheld} deles retidos (sigilosos, ou restritos: não publicados por padrão); {items} itens de histórico a publicar, {internal} internos (tarefas não publicadas)',
  },
  'demo.sent': {
    en: 'sent: {due} Documentos in {batches} batches: {accepted} accepted by the PI, {rejected} rejected, {invalid} invalid (never sent), {failed} failed',
    'pt-BR':
      'enviados: {due} Documentos em {batches} lotes: {accepted} aceitos pelo PI, {rejected} recusados, {invalid} inválidos (nunca enviados), {failed} com falha',
  },
  'demo.statusHead': { en: 'status:', 'pt-BR': 'situação:' },
  'demo.uploaded': {
    en: '{documentos} Documentos: {accepted} accepted, {rejected} rejected, {invalid} invalid, {failed} failed, in {batches} batches',
    'pt-BR': '{documentos} Documentos: {accepted} aceitos, {rejected} recusados, {invalid} inválidos, {failed} com falha, em {batches} lotes',
  },
  'demo.packages': {
    en: '  packages: NI {ni}, I {i} (integrated), EN {en} ({invalid} invalid: the sample has a few wrong NUPs on purpose), FI {fi}',
    'pt-BR': '  pacotes: NI {ni}, I {i} (Integrado), EN {en} ({invalid} inválidos: o exemplo tem alguns NUPs errados de propósito), FI {fi}',
  },
  'demo.lastSuccess': { en: '  last successful send: {when}', 'pt-BR': '  último envio com sucesso: {when}' },
  'demo.recorded': { en: '  the simulator recorded {count} Protocolos', 'pt-BR': '  o simulador registrou {count} Protocolos' },
  'demo.next': {
    en: 'next: pi-sender init, then docs/export.md; or npm start -- --upload for the one-off upload',
    'pt-BR': 'a seguir: pi-sender init, depois docs/pt-BR/exportacao.md; ou npm start -- --upload para o envio avulso de um arquivo',
  },
  'demo.uploadSimulator': {
    en: 'local PI simulator: {url} (at most 2 Documentos per request)\nuploading {file}',
    'pt-BR': 'simulador local do PI: {url} (no máximo 2 Documentos por requisição)\nenviando {file}',
  },

  'sample.optSqlite': { en: 'write a SQLite file', 'pt-BR': 'escreve um arquivo SQLite' },
  'sample.optSamples': {
    en: "write the repository's samples/spe files: SQL for PostgreSQL and MariaDB, and their configurations",
    'pt-BR': 'escreve os arquivos samples/spe do repositório: SQL para PostgreSQL e MariaDB, e suas configurações',
  },
  'sample.optSql': { en: 'print SQL for this database on stdout', 'pt-BR': 'imprime SQL para este banco na saída padrão' },
  'sample.optProcesses': { en: 'how many processes', 'pt-BR': 'quantos processos' },
  'sample.optInvalidEvery': {
    en: 'every Nth process gets a wrong NUP (to see EN packages); 0: none',
    'pt-BR': 'cada N-ésimo processo recebe um NUP errado (para ver pacotes EN); 0: nenhum',
  },
  'sample.wroteSamples': { en: 'wrote {files} in {folder}', 'pt-BR': 'escritos {files} em {folder}' },
  'sample.wrote': { en: 'wrote {file}', 'pt-BR': 'escrito {file}' },
  'sample.giveOne': {
    en: 'give --sqlite FILE, --sql postgres|mariadb or --samples DIR',
    'pt-BR': 'informe --sqlite ARQUIVO, --sql postgres|mariadb ou --samples PASTA',
  },
} as const;
