/** `pi-sender siafi ...`: the integrarSistemaSPUNet commands and their simulator. */

export const SIAFI_COMMANDS = {
  'siafi.optEndpoint': {
    en: 'the whole service URL (env SIAFI_ENDPOINT); else built from --env and --year',
    'pt-BR': 'o endereço completo do serviço (variável SIAFI_ENDPOINT); senão montado a partir de --env e --year',
  },
  'siafi.optEnv': {
    en: 'homologacao or producao (env SIAFI_ENV, default homologacao)',
    'pt-BR': 'homologacao ou producao (variável SIAFI_ENV, padrão homologacao)',
  },
  'siafi.optYear': {
    en: 'exercise year of the endpoint (env SIAFI_YEAR, default this year)',
    'pt-BR': 'ano de exercício do endereço (variável SIAFI_YEAR, padrão o ano corrente)',
  },
  'siafi.optCpfFile': {
    en: 'file holding the CPF of the SIAFI operator (else env SIAFI_CPF)',
    'pt-BR': 'arquivo com o CPF do operador do SIAFI (senão a variável SIAFI_CPF)',
  },
  'siafi.optPasswordFile': {
    en: 'file holding the SIAFI password (else env SIAFI_PASSWORD)',
    'pt-BR': 'arquivo com a senha do SIAFI (senão a variável SIAFI_PASSWORD)',
  },
  'siafi.optEmptyPassword': {
    en: 'send an empty password (integrations SIAFI authenticates by certificate)',
    'pt-BR': 'envia uma senha vazia (integrações que o SIAFI autentica pelo certificado)',
  },
  'siafi.optCert': { en: 'client (machine) certificate, PEM (env SIAFI_CERT)', 'pt-BR': 'certificado de cliente (da máquina), PEM (variável SIAFI_CERT)' },
  'siafi.optKey': { en: 'private key of --cert, PEM (env SIAFI_KEY)', 'pt-BR': 'chave privada do --cert, PEM (variável SIAFI_KEY)' },
  'siafi.optPfx': {
    en: 'client certificate and key as PKCS#12 (env SIAFI_PFX)',
    'pt-BR': 'certificado de cliente e chave em PKCS#12 (variável SIAFI_PFX)',
  },
  'siafi.optCertPassphraseFile': {
    en: 'file holding the passphrase of --key or --pfx (else env SIAFI_CERT_PASSPHRASE)',
    'pt-BR': 'arquivo com a senha da --key ou do --pfx (senão a variável SIAFI_CERT_PASSPHRASE)',
  },
  'siafi.optCa': {
    en: 'PEM file of an extra CA to trust (repeatable; env SIAFI_CA_FILE)',
    'pt-BR': 'arquivo PEM de uma AC adicional em que confiar (repetível; variável SIAFI_CA_FILE)',
  },
  'siafi.optProxy': {
    en: 'HTTP(S) proxy, without credentials (else HTTPS_PROXY / NO_PROXY from the environment)',
    'pt-BR': 'proxy HTTP(S), sem credenciais (senão HTTPS_PROXY / NO_PROXY do ambiente)',
  },
  'siafi.optTlsMaxVersion': {
    en: 'highest TLS version (the interface document asks for 1.2)',
    'pt-BR': 'versão TLS mais alta (o documento de interface pede 1.2)',
  },
  'siafi.optNamespace': {
    en: 'service namespace, if the real WSDL differs from the inferred one (env SIAFI_NAMESPACE)',
    'pt-BR': 'namespace do serviço, se o WSDL real for diferente do inferido (variável SIAFI_NAMESPACE)',
  },
  'siafi.optNomeSistema': {
    en: 'nomeSistemaSIAFI for the header (optional; e.g. SIAFI2026)',
    'pt-BR': 'nomeSistemaSIAFI do cabeçalho (opcional; por exemplo SIAFI2026)',
  },
  'siafi.optUg': {
    en: "the operator's UG for cabecalhoSIAFI (env SIAFI_UG; default the requisition's codUG)",
    'pt-BR': 'a UG do operador no cabecalhoSIAFI (variável SIAFI_UG; padrão o codUG da requisição)',
  },
  'siafi.optStore': {
    en: 'the SIAFI store (env SIAFI_STORE, default {file})',
    'pt-BR': 'o arquivo de estado do SIAFI (variável SIAFI_STORE, padrão {file})',
  },
  'siafi.sentNoAnswer': {
    en: 'sent at {when}, answer unknown (it may have been applied; retry sends the same nonce)',
    'pt-BR': 'enviada em {when}, resposta desconhecida (pode ter sido aplicada; retry envia o mesmo nonce)',
  },
  'siafi.notSentYet': { en: 'not sent yet', 'pt-BR': 'ainda não enviada' },
  'siafi.noStore': {
    en: 'no SIAFI store at {file}: nothing was sent with it yet (give --store or SIAFI_STORE)',
    'pt-BR': 'não há arquivo de estado do SIAFI em {file}: nada foi enviado com ele ainda (informe --store ou SIAFI_STORE)',
  },
  'siafi.cannotRead': { en: 'cannot read {file}: {reason}', 'pt-BR': 'não é possível ler {file}: {reason}' },
  'siafi.notJson': { en: '{where}: not valid JSON: {message}', 'pt-BR': '{where}: não é um JSON válido: {message}' },
  'siafi.alreadyApplied': {
    en: 'already applied: SIAFI answered SUCESSO to this same requisition before (nonce {nonce}); nothing sent. Use --new to create another one.',
    'pt-BR': 'já aplicada: o SIAFI respondeu SUCESSO a esta mesma requisição antes (nonce {nonce}); nada enviado. Use --new para criar outra.',
  },
  'siafi.requisicao': { en: 'requisição: {number}', 'pt-BR': 'requisição: {number}' },
  'siafi.mensagem': { en: 'mensagem: {text}', 'pt-BR': 'mensagem: {text}' },
  'siafi.state': {
    en: 'nonce {nonce}, state {state}, attempt {attempts}',
    'pt-BR': 'nonce {nonce}, situação {state}, tentativa {attempts}',
  },
  'siafi.indefinida': {
    en: 'SIAFI may have applied it: pi-sender siafi retry sends it again with the same nonce after {when}',
    'pt-BR': 'o SIAFI pode tê-la aplicado: pi-sender siafi retry a envia de novo com o mesmo nonce depois de {when}',
  },
  'siafi.verificar': {
    en: 'check the requisition in SIAFI, then: pi-sender siafi settle --nonce {nonce} --as sucesso|falha --note "..."',
    'pt-BR': 'confira a requisição no SIAFI, depois: pi-sender siafi settle --nonce {nonce} --as sucesso|falha --note "..."',
  },
  'siafi.recusada': {
    en: 'refused before processing: fix the setup (certificate, CPF, password, UG) and run the same command again',
    'pt-BR': 'recusada antes do processamento: corrija a configuração (certificado, CPF, senha, UG) e execute o mesmo comando de novo',
  },
  'siafi.wholeRequisition': { en: '(requisition)', 'pt-BR': '(requisição)' },
  'siafi.problems': {
    en: '{file}: the {operation} requisition has {count} {count|problem|problems}; nothing was sent',
    'pt-BR': '{file}: a requisição {operation} tem {count} {count|problema|problemas}; nada foi enviado',
  },
  'siafi.opDescription': { en: '{name}: send a {type} (grupo {grupo})', 'pt-BR': '{name}: envia a requisição {type} (grupo {grupo})' },
  'siafi.ofReversed': { en: 'of the reversed requisition', 'pt-BR': 'da requisição estornada' },
  'siafi.optFile': { en: 'the {type} as JSON', 'pt-BR': 'a requisição {type} em JSON' },
  'siafi.optJson': { en: 'print the result as JSON', 'pt-BR': 'imprime o resultado em JSON' },
  'siafi.optRaw': { en: "also print SIAFI's answer as received (XML)", 'pt-BR': 'mostra também a resposta do SIAFI como recebida (XML)' },
  'siafi.optNew': {
    en: 'send as a new requisition (new nonce) even though the same one was sent and settled before',
    'pt-BR': 'envia como uma nova requisição (novo nonce) mesmo que a mesma já tenha sido enviada e resolvida antes',
  },
  'siafi.optDryRun': { en: 'validate and print the operation XML; send nothing', 'pt-BR': 'valida e mostra o XML da operação; não envia nada' },
  'siafi.dryRunDone': { en: '{file}: valid; nothing sent (--dry-run)', 'pt-BR': '{file}: válida; nada enviado (--dry-run)' },
  'siafi.interrupted': {
    en: 'interrupted: the requisition stays stored with its nonce; if it reached SIAFI, pi-sender siafi retry asks again with the same nonce',
    'pt-BR': 'interrompido: a requisição fica guardada com seu nonce; se chegou ao SIAFI, pi-sender siafi retry pergunta de novo com o mesmo nonce',
  },
  'siafi.nextTry': { en: 'next try after {when}', 'pt-BR': 'próxima tentativa depois de {when}' },
  'siafi.helpAfter': {
    en: '\nOperations: {operations} (or their full names).\nExit codes of an operation: 0 SUCESSO (or already applied), 1 FALHA or invalid requisition,\n2 refused before processing or configuration problem, 3 INDEFINIDO or service unreachable (stored: pi-sender siafi retry).',
    'pt-BR':
      '\nOperações: {operations} (ou seus nomes completos).\nCódigos de saída de uma operação: 0 SUCESSO (ou já aplicada), 1 FALHA ou requisição inválida,\n2 recusada antes do processamento ou problema de configuração, 3 INDEFINIDO ou serviço inacessível (guardada: pi-sender siafi retry).',
  },
  'siafi.status': {
    en: 'requisitions not yet settled (NOVA, INDEFINIDA, VERIFICAR, RECUSADA)',
    'pt-BR': 'requisições ainda não resolvidas (NOVA, INDEFINIDA, VERIFICAR, RECUSADA)',
  },
  'siafi.optJsonLines': { en: 'print JSON Lines, one per requisition', 'pt-BR': 'imprime JSON Lines, uma por requisição' },
  'siafi.statusExit': {
    en: '\nExit codes: 0 nothing needs a person; 1 some requisition is VERIFICAR or RECUSADA.',
    'pt-BR': '\nCódigos de saída: 0 nada precisa de uma pessoa; 1 alguma requisição está em VERIFICAR ou RECUSADA.',
  },
  'siafi.storeLine': { en: 'SIAFI store: {file}', 'pt-BR': 'arquivo de estado do SIAFI: {file}' },
  'siafi.counts': { en: 'requisitions: {counts}', 'pt-BR': 'requisições: {counts}' },
  'siafi.row': {
    en: '{state} {operation} UG {ug} nonce {nonce}, {attempts} attempts, since {since}; {news}',
    'pt-BR': '{state} {operation} UG {ug} nonce {nonce}, {attempts} tentativas, desde {since}; {news}',
  },
  'siafi.nothingUnsettled': { en: 'nothing unsettled', 'pt-BR': 'nada pendente' },
  'siafi.retry': {
    en: 'send again, each with its own nonce, the NOVA and INDEFINIDA requisitions whose time has come',
    'pt-BR': 'envia de novo, cada uma com seu nonce, as requisições NOVA e INDEFINIDA cuja hora chegou',
  },
  'siafi.optNonce': {
    en: 'send this one requisition now (any unsettled state)',
    'pt-BR': 'envia agora só esta requisição (em qualquer situação não resolvida)',
  },
  'siafi.optJsonSent': { en: 'print JSON Lines, one per requisition sent', 'pt-BR': 'imprime JSON Lines, uma por requisição enviada' },
  'siafi.nothingDue': { en: 'nothing due', 'pt-BR': 'nada a enviar' },
  'siafi.settle': {
    en: 'record what someone found in SIAFI for a requisition whose outcome is unknown',
    'pt-BR': 'registra o que alguém encontrou no SIAFI para uma requisição de resultado desconhecido',
  },
  'siafi.optSettleNonce': { en: 'the requisition', 'pt-BR': 'a requisição' },
  'siafi.optAs': { en: 'what SIAFI shows', 'pt-BR': 'o que o SIAFI mostra' },
  'siafi.optNote': { en: 'who checked, and what was found', 'pt-BR': 'quem conferiu, e o que foi encontrado' },
  'siafi.optSettleEndpoint': {
    en: 'when the nonce was used at several endpoints',
    'pt-BR': 'quando o nonce foi usado em vários endereços',
  },
  'siafi.settled': { en: 'nonce {nonce}: {state}', 'pt-BR': 'nonce {nonce}: {state}' },

  'siafiSim.description': {
    en: 'run a local integrarSistemaSPUNet over HTTPS with mutual TLS (for trying pi-sender and for tests)',
    'pt-BR': 'executa um integrarSistemaSPUNet local em HTTPS com TLS mútuo (para experimentar o pi-sender e para testes)',
  },
  'siafiSim.optTlsCert': { en: 'server certificate (PEM)', 'pt-BR': 'certificado do servidor (PEM)' },
  'siafiSim.optTlsKey': { en: 'server key (PEM)', 'pt-BR': 'chave do servidor (PEM)' },
  'siafiSim.optClientCa': {
    en: 'CA (PEM) that client certificates must chain to',
    'pt-BR': 'AC (PEM) à qual os certificados de cliente devem se encadear',
  },
  'siafiSim.optCpf': { en: 'CPF of the operator it accepts', 'pt-BR': 'CPF do operador que ele aceita' },
  'siafiSim.optPasswordFile': {
    en: "file with the operator's password (else env SIAFI_SIMULATOR_PASSWORD, else a random one printed on stderr)",
    'pt-BR': 'arquivo com a senha do operador (senão a variável SIAFI_SIMULATOR_PASSWORD, senão uma aleatória mostrada na saída de erro)',
  },
  'siafiSim.optUg': {
    en: 'a UG the operator may use (repeatable; default 170001)',
    'pt-BR': 'uma UG que o operador pode usar (repetível; padrão 170001)',
  },
  'siafiSim.optYear': { en: 'exercise year in the path (default this year)', 'pt-BR': 'ano de exercício no caminho (padrão o ano corrente)' },
  'siafiSim.optEnvironment': {
    en: 'path style: siafi<ano>he (homologacao) or siafi<ano> (producao)',
    'pt-BR': 'forma do caminho: siafi<ano>he (homologacao) ou siafi<ano> (producao)',
  },
  'siafiSim.optConsumer': {
    en: 'client certificate CN registered as a consumer; others get EWS0003 (repeatable; default any)',
    'pt-BR': 'CN de certificado de cliente cadastrado como consumidor; os outros recebem EWS0003 (repetível; padrão qualquer um)',
  },
  'siafiSim.optEfetivacaoName': { en: 'output header name [?]', 'pt-BR': 'nome do cabeçalho de saída [?]' },
  'siafiSim.optEwsPlacement': { en: 'EWS codes in a SOAP fault or in mensagem [?]', 'pt-BR': 'códigos EWS em uma SOAP fault ou em mensagem [?]' },
  'siafiSim.optNonceTtl': { en: 'how long a processed nonce is remembered [?]', 'pt-BR': 'por quanto tempo um nonce processado é lembrado [?]' },
  'siafiSim.optRepeatResult': { en: 'resultado of a repeated nonce [?]', 'pt-BR': 'resultado de um nonce repetido [?]' },
  'siafiSim.optNoRepeatBody': {
    en: 'answer a repeat without the original SPURequisicaoResposta [?]',
    'pt-BR': 'responde a uma repetição sem o SPURequisicaoResposta original [?]',
  },
  'siafiSim.optStuckAfter': {
    en: 'a nonce processing longer than this gets EWS0010 instead of EWS0006',
    'pt-BR': 'um nonce em processamento há mais que isso recebe EWS0010 em vez de EWS0006',
  },
  'siafiSim.optScript': {
    en: 'for the next requests, in order: ok,indefinido,indefinido-not-applied,ews0011,ews0009,drop-after,drop,stuck,503,echo-fault,delay=MS (x3 repeats)',
    'pt-BR':
      'para as próximas requisições, em ordem: ok,indefinido,indefinido-not-applied,ews0011,ews0009,drop-after,drop,stuck,503,echo-fault,delay=MS (x3 repete)',
  },
  'siafiSim.optAuthFailure': {
    en: 'a wrong CPF or password gets a wsse:FailedAuthentication fault, or a plain soap:Client fault',
    'pt-BR': 'um CPF ou senha errados recebem uma falha wsse:FailedAuthentication, ou uma falha soap:Client simples',
  },
  'siafiSim.optRecord': { en: 'append every requisition created as JSON Lines', 'pt-BR': 'acrescenta cada requisição criada em JSON Lines' },
  'siafiSim.helpAfter': {
    en: '\nThe first line on stdout is "listening on URL" (in every language: scripts read it). Stop it with Ctrl-C. See docs/siafi.md.',
    'pt-BR': '\nA primeira linha na saída padrão é "listening on URL" (em qualquer idioma: scripts a leem). Pare com Ctrl-C. Veja docs/siafi.md.',
  },
  'siafiSim.randomPassword': {
    en: 'no password given: CPF {cpf}, password "{password}" (set SIAFI_SIMULATOR_PASSWORD to choose one)',
    'pt-BR': 'nenhuma senha informada: CPF {cpf}, senha "{password}" (defina SIAFI_SIMULATOR_PASSWORD para escolher uma)',
  },
  'siafiSim.cannotRead': { en: 'cannot read the {what} {file}: {reason}', 'pt-BR': 'não é possível ler {what} {file}: {reason}' },
  'siafiSim.certificate': { en: 'certificate', 'pt-BR': 'o certificado' },
  'siafiSim.key': { en: 'key', 'pt-BR': 'a chave' },
  'siafiSim.clientCa': { en: 'client CA', 'pt-BR': 'a AC de clientes' },
  'siafiSim.stopped': {
    en: 'stopped after {requests} requests: {created} requisitions created',
    'pt-BR': 'parado após {requests} requisições HTTP: {created} requisições criadas',
  },
} as const;
