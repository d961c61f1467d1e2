/** Secrets, stores, SPE sources, the upload, the export job and the library: their errors and log lines. */

export const RUNTIME = {
  'secret.cannotRead': { en: 'cannot read the {what} file {file}: {reason}', 'pt-BR': 'não é possível ler o arquivo de {what} {file}: {reason}' },
  'secret.password': { en: 'password', 'pt-BR': 'senha' },
  'secret.smtpPassword': { en: 'SMTP password', 'pt-BR': 'senha SMTP' },
  'secret.cpf': { en: 'CPF', 'pt-BR': 'CPF' },
  'secret.databasePassword': { en: 'database password', 'pt-BR': 'senha do banco de dados' },
  'secret.proxyCredentials': { en: 'proxy credentials', 'pt-BR': 'credenciais do proxy' },
  'secret.certPassphrase': { en: 'certificate passphrase', 'pt-BR': 'senha do certificado' },
  'secret.proxyNeeded': {
    en: 'a proxy credentials file needs a proxy: give {where} too',
    'pt-BR': 'um arquivo de credenciais de proxy exige um proxy: informe {where} também',
  },
  'secret.proxyNotUrl': {
    en: "{where}: '{proxy}' is not a URL (http://proxy.orgao.gov.br:3128)",
    'pt-BR': "{where}: '{proxy}' não é uma URL (http://proxy.orgao.gov.br:3128)",
  },
  'secret.proxyWithLogin': {
    en: '{where} must not carry a user or password (they would be visible in ps or in the configuration): give {origin} and put "user:password" in a file (--proxy-credentials-file, proxyCredentialsFile), or set HTTPS_PROXY',
    'pt-BR':
      '{where} não deve levar usuário ou senha (ficariam visíveis no ps ou na configuração): informe {origin} e ponha "usuário:senha" em um arquivo (--proxy-credentials-file, proxyCredentialsFile), ou defina HTTPS_PROXY',
  },
  'secret.proxyFileFormat': {
    en: 'the proxy credentials file {file} must hold one line "user:password"',
    'pt-BR': 'o arquivo de credenciais do proxy {file} deve ter uma linha "usuário:senha"',
  },

  'store.stateStore': { en: 'state store', 'pt-BR': 'arquivo de estado' },
  'store.siafiStore': { en: 'SIAFI store', 'pt-BR': 'arquivo de estado do SIAFI' },
  'store.cannotOpen': { en: 'cannot open the {what} {file}: {reason}', 'pt-BR': 'não é possível abrir o {what} {file}: {reason}' },
  'store.newer': {
    en: 'the {what} {file} was written by a newer pi-sender (schema {version}); upgrade pi-sender',
    'pt-BR': 'o {what} {file} foi escrito por um pi-sender mais novo (esquema {version}); atualize o pi-sender',
  },
  'store.older': {
    en: 'the {what} {file} has an old schema ({version}): run pi-sender export (or any command that writes it) once to upgrade it',
    'pt-BR': 'o {what} {file} tem um esquema antigo ({version}): execute pi-sender export (ou outro comando que o grave) uma vez para atualizá-lo',
  },
  'store.resendNeeds': { en: 'resend needs a Protocolo or a state', 'pt-BR': 'resend precisa de um Protocolo ou de uma situação' },
  'store.nonceTaken': {
    en: 'the nonce {nonce} is already stored for {endpoint} with another requisition',
    'pt-BR': 'o nonce {nonce} já está guardado para {endpoint} com outra requisição',
  },
  'store.noNonce': { en: 'no requisition with nonce {nonce}{forEndpoint} in {file}', 'pt-BR': 'nenhuma requisição com nonce {nonce}{forEndpoint} em {file}' },
  'store.forEndpoint': { en: ' for {endpoint}', 'pt-BR': ' para {endpoint}' },
  'store.nonceSeveral': {
    en: 'the nonce {nonce} was used at {count} endpoints: say which with --endpoint',
    'pt-BR': 'o nonce {nonce} foi usado em {count} endereços: diga qual com --endpoint',
  },
  'store.alreadySettled': { en: 'the requisition with nonce {nonce} is already {state}', 'pt-BR': 'a requisição com nonce {nonce} já está {state}' },
  'store.settledByHand': { en: 'settled by hand: {note}', 'pt-BR': 'resolvida manualmente: {note}' },

  'spe.3D000': { en: 'has no such database: check the database name', 'pt-BR': 'não tem esse banco: confira o nome do banco de dados' },
  'spe.28P01': {
    en: 'refused the login: check the user and the password (passwordEnv or passwordFile)',
    'pt-BR': 'recusou o login: confira o usuário e a senha (passwordEnv ou passwordFile)',
  },
  'spe.28000': {
    en: 'refused the login: check the user, the password and pg_hba.conf',
    'pt-BR': 'recusou o login: confira o usuário, a senha e o pg_hba.conf',
  },
  'spe.ER_BAD_DB_ERROR': { en: 'has no such database: check the database name', 'pt-BR': 'não tem esse banco: confira o nome do banco de dados' },
  'spe.ER_ACCESS_DENIED_ERROR': {
    en: 'refused the login: check the user and the password (passwordEnv or passwordFile)',
    'pt-BR': 'recusou o login: confira o usuário e a senha (passwordEnv ou passwordFile)',
  },
  'spe.ER_DBACCESS_DENIED_ERROR': {
    en: 'refused this user access to the database: check its grants',
    'pt-BR': 'negou a este usuário o acesso ao banco: confira suas permissões',
  },
  'spe.ELOGIN': {
    en: 'refused the login: check the user and the password (passwordEnv or passwordFile)',
    'pt-BR': 'recusou o login: confira o usuário e a senha (passwordEnv ou passwordFile)',
  },
  'spe.ORA-01017': {
    en: 'refused the login: check the user and the password (passwordEnv or passwordFile)',
    'pt-BR': 'recusou o login: confira o usuário e a senha (passwordEnv ou passwordFile)',
  },
  'spe.ENOTFOUND': { en: 'host does not exist (DNS): check the host name', 'pt-BR': 'o host não existe (DNS): confira o nome do host' },
  'spe.misconfigured': { en: 'the SPE database ({where}) {fix}: {detail}', 'pt-BR': 'o banco do SPE ({where}) {fix}: {detail}' },
  'spe.at': { en: '{type} at {host}', 'pt-BR': '{type} em {host}' },
  'spe.unreachable': { en: 'cannot reach the SPE database ({where}): {detail}', 'pt-BR': 'não é possível alcançar o banco do SPE ({where}): {detail}' },
  'spe.queryFailed': { en: 'the {kind} query failed: {message}', 'pt-BR': 'a consulta {kind} falhou: {message}' },
  'spe.cannotOpenSqlite': { en: 'cannot open the SPE database {file}: {reason}', 'pt-BR': 'não é possível abrir o banco do SPE {file}: {reason}' },
  'spe.optionalDriver': {
    en: "{forWhat} needs the optional driver '{name}': install it with npm install {name} (see docs/export.md)",
    'pt-BR': "{forWhat} precisa do driver opcional '{name}': instale com npm install {name} (veja docs/export.md)",
  },
  'spe.oracleSource': { en: 'an Oracle source', 'pt-BR': 'uma fonte Oracle' },
  'spe.mssqlSource': { en: 'a SQL Server source', 'pt-BR': 'uma fonte SQL Server' },
  'spe.noColumn': {
    en: "the {kind} rows have no column '{column}' (they have: {columns}): check the query or the mapping",
    'pt-BR': "as linhas de {kind} não têm a coluna '{column}' (têm: {columns}): confira a consulta ou o mapeamento",
  },
  'spe.processWithoutId': { en: 'a process without id', 'pt-BR': 'um processo sem id' },
  'spe.itemWithoutId': { en: 'a history item without id', 'pt-BR': 'um item de histórico sem id' },
  'spe.itemWithoutProcess': { en: 'history item {id} has no process', 'pt-BR': 'o item de histórico {id} não tem processo' },
  'spe.dropFolder': { en: 'cannot read the drop folder {folder}: {reason}', 'pt-BR': 'não é possível ler a pasta de entrada {folder}: {reason}' },
  'spe.notCsv': { en: '{where}: not valid CSV: {message}', 'pt-BR': '{where}: não é um CSV válido: {message}' },
  'spe.notJson': { en: '{where}: not valid JSON: {message}', 'pt-BR': '{where}: não é um JSON válido: {message}' },
  'spe.notObject': { en: '{where}: each line must be a JSON object', 'pt-BR': '{where}: cada linha deve ser um objeto JSON' },

  'upload.cannotRead': { en: 'cannot read {file}: {reason}', 'pt-BR': 'não é possível ler {file}: {reason}' },
  'upload.notFile': { en: '{file} is not a file', 'pt-BR': '{file} não é um arquivo' },
  'upload.noClient': { en: 'no PI client: give an endpoint, or use a dry run', 'pt-BR': 'sem cliente do PI: informe um endereço, ou use uma simulação' },
  'upload.resumeNeeds': {
    en: '--resume needs a report file (not --report -) and a real send (not --dry-run)',
    'pt-BR': '--resume precisa de um arquivo de relatório (não --report -) e de um envio real (não --dry-run)',
  },
  'upload.interrupted': {
    en: 'an earlier upload to {report} was interrupted: continue it with --resume, or start over with --restart',
    'pt-BR': 'um envio anterior para {report} foi interrompido: continue-o com --resume, ou recomece com --restart',
  },
  'upload.nothingToResume': {
    en: 'no interrupted upload to resume: starting from the beginning',
    'pt-BR': 'nenhum envio interrompido a retomar: começando do início',
  },
  'upload.fileChanged': {
    en: 'Documento #{index} was {before} in the interrupted upload and is {now} now: the file changed; start over with --restart',
    'pt-BR': 'o Documento #{index} era {before} no envio interrompido e agora é {now}: o arquivo mudou; recomece com --restart',
  },
  'upload.unreadable': { en: 'the Documento could not be read', 'pt-BR': 'o Documento não pôde ser lido' },
  'upload.andMore': { en: ' (and {count} more: pi-sender validate lists them)', 'pt-BR': ' (e mais {count}: pi-sender validate lista todos)' },
  'upload.pdf': { en: 'a PDF', 'pt-BR': 'um PDF' },
  'upload.zip': { en: 'a zip (or an Office document)', 'pt-BR': 'um zip (ou um documento do Office)' },
  'upload.notXml': { en: 'not XML', 'pt-BR': 'não é XML' },
  'upload.notLista': {
    en: '{file} is {kind}, not a ListaDocumentos XML file: nothing was sent',
    'pt-BR': '{file} é {kind}, não um arquivo XML ListaDocumentos: nada foi enviado',
  },
  'upload.cannotWriteReport': { en: 'cannot write the report {file}: {reason}', 'pt-BR': 'não é possível escrever o relatório {file}: {reason}' },
  'upload.journalUnreadable': {
    en: 'the journal {file} is unreadable; start over with --restart',
    'pt-BR': 'o diário {file} está ilegível; recomece com --restart',
  },
  'upload.journalOtherFile': {
    en: 'the journal {file} is for {journaled}, not {expected}; start over with --restart',
    'pt-BR': 'o diário {file} é de {journaled}, não de {expected}; recomece com --restart',
  },
  'upload.journalFileChanged': {
    en: '{file} changed since the interrupted upload; start over with --restart (resending is safe)',
    'pt-BR': '{file} mudou desde o envio interrompido; recomece com --restart (reenviar é seguro)',
  },
  'upload.journalOtherEndpoint': {
    en: 'the interrupted upload went to {journaled}, not {expected}; start over with --restart',
    'pt-BR': 'o envio interrompido foi para {journaled}, não para {expected}; recomece com --restart',
  },
  'upload.cannotWriteJournal': { en: 'cannot write the journal {file}: {reason}', 'pt-BR': 'não é possível escrever o diário {file}: {reason}' },

  'job.locked': {
    en: 'another export is running on this state store (pid {pid} on {host}, since {since})',
    'pt-BR': 'outra exportação está em andamento neste arquivo de estado (pid {pid} em {host}, desde {since})',
  },
  'job.lockedLibrary': {
    en: 'another export is running on this state store (pid {pid} on {host})',
    'pt-BR': 'outra exportação está em andamento neste arquivo de estado (pid {pid} em {host})',
  },
  'job.internalError': { en: 'internal error', 'pt-BR': 'erro interno' },
  'job.alertsFailed': { en: 'alerts could not be sent', 'pt-BR': 'os alertas não puderam ser enviados' },
  'job.orphans': {
    en: 'history items refer to processes the processos query did not return: they were not stored, and the watermark stays until the query returns them',
    'pt-BR':
      'itens de histórico se referem a processos que a consulta de processos não retornou: não foram guardados, e a marca d’água fica parada até que a consulta os retorne',
  },
  'job.invalidRows': { en: 'rows without id or process were skipped', 'pt-BR': 'linhas sem id ou processo foram ignoradas' },
  'job.unknownAccess': {
    en: 'processes with an access level the mapping does not know were treated as sigiloso (not sent)',
    'pt-BR': 'processos com um nível de acesso que o mapeamento não conhece foram tratados como sigilosos (não enviados)',
  },
  'job.watermarkColumn': {
    en: "watermark.column: the historico rows have no column '{column}' (they have: {columns})",
    'pt-BR': "watermark.column: as linhas de historico não têm a coluna '{column}' (têm: {columns})",
  },
  'job.unreadableDocumento': { en: 'a Documento that cannot be read was skipped', 'pt-BR': 'um Documento que não pode ser lido foi ignorado' },
  'job.fileAgain': { en: '{problem}: the file will be read again once fixed', 'pt-BR': '{problem}: o arquivo será lido de novo depois de corrigido' },
  'job.overlap': {
    en: 'the previous export is still running: this run is skipped',
    'pt-BR': 'a exportação anterior ainda está em andamento: esta execução é pulada',
  },
  'job.scheduledFailed': { en: 'scheduled export failed', 'pt-BR': 'a exportação agendada falhou' },
  'job.nextExport': { en: 'next export', 'pt-BR': 'próxima exportação' },
  'job.badSchedule': {
    en: 'invalid --schedule \'{expression}\': {message} (e.g. "0 2 * * *" for every day at 2:00)',
    'pt-BR': '--schedule inválido \'{expression}\': {message} (por exemplo "0 2 * * *" para todo dia às 2:00)',
  },

  'library.invalid': { en: 'Documento {protocolo}is invalid: {problems}', 'pt-BR': 'o Documento {protocolo}é inválido: {problems}' },
  'library.unknownZone': { en: "unknown time zone '{zone}'", 'pt-BR': "fuso horário desconhecido '{zone}'" },
  'library.flushFailed': {
    en: 'background flush failed; the next one retries',
    'pt-BR': 'o envio em segundo plano falhou; o próximo tenta de novo',
  },
  'library.closed': { en: 'the sender is closed', 'pt-BR': 'o sender está fechado' },
  'library.siafiFailedBefore': {
    en: 'SIAFI already answered FALHA to this same requisition (nonce {nonce}): {message}. Change it before sending again, or ask for a new requisition (--new) if it should go unchanged',
    'pt-BR':
      'o SIAFI já respondeu FALHA a esta mesma requisição (nonce {nonce}): {message}. Altere-a antes de enviar de novo, ou peça uma nova requisição (--new) se ela deve ir sem alterações',
  },
  'library.siafiPending': {
    en: 'the same requisition (nonce {nonce}) is {state} and may still be applied: settle it before sending a new one',
    'pt-BR': 'a mesma requisição (nonce {nonce}) está {state} e ainda pode ser aplicada: resolva-a antes de enviar uma nova',
  },
  'library.siafiSettled': {
    en: 'the requisition with nonce {nonce} is settled ({state}): nothing to resend',
    'pt-BR': 'a requisição com nonce {nonce} está resolvida ({state}): nada a reenviar',
  },
  'library.siafiNoNonce': { en: 'no requisition with nonce {nonce} for {endpoint}', 'pt-BR': 'nenhuma requisição com nonce {nonce} para {endpoint}' },
  'library.siafiNotSent': { en: 'not sent: {message}', 'pt-BR': 'não enviada: {message}' },
  'library.siafiInterrupted': {
    en: 'interrupted while waiting for the answer: it may have been applied',
    'pt-BR': 'interrompida enquanto aguardava a resposta: pode ter sido aplicada',
  },
} as const;
