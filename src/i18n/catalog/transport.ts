/** The SOAP layer and the PI client: TLS, HTTP, proxy, envelopes, answers, the connection settings. */

export const TRANSPORT = {
  'tls.cannotRead': { en: 'cannot read the {what} {file}: {reason}', 'pt-BR': 'não é possível ler {what} {file}: {reason}' },
  'tls.caFile': { en: 'CA file', 'pt-BR': 'o arquivo da AC' },
  'tls.pkcs12File': { en: 'PKCS#12 file', 'pt-BR': 'o arquivo PKCS#12' },
  'tls.certificateFile': { en: 'certificate file', 'pt-BR': 'o arquivo do certificado' },
  'tls.keyFile': { en: 'key file', 'pt-BR': 'o arquivo da chave' },
  'tls.pfxOrPem': {
    en: 'give either a PKCS#12 file or a PEM certificate and key, not both',
    'pt-BR': 'informe um arquivo PKCS#12 ou um certificado e uma chave PEM, não ambos',
  },
  'tls.certAndKey': {
    en: 'a client certificate needs both the certificate and its key',
    'pt-BR': 'um certificado de cliente exige o certificado e a sua chave',
  },
  'tls.untrusted': {
    en: "the server's certificate is not trusted ({code}); if the service uses a private or new CA, pass its certificate with --ca (or NODE_EXTRA_CA_CERTS)",
    'pt-BR':
      'o certificado do servidor não é confiável ({code}); se o serviço usa uma AC privada ou nova, passe o certificado dela com --ca (ou NODE_EXTRA_CA_CERTS)',
  },
  'tls.expired': {
    en: "the server's certificate has expired ({code}): the service must renew it",
    'pt-BR': 'o certificado do servidor expirou ({code}): o serviço precisa renová-lo',
  },
  'tls.weak': {
    en: "the server's certificate uses weak cryptography ({message}): certificates signed with SHA-1 or with RSA keys under 2048 bits are refused; the service must renew it",
    'pt-BR':
      'o certificado do servidor usa criptografia fraca ({message}): certificados assinados com SHA-1 ou com chaves RSA de menos de 2048 bits são recusados; o serviço precisa renová-lo',
  },
  'tls.certificateRequired': {
    en: 'the server asks for a client certificate ({code}): give --cert and --key, or --pfx',
    'pt-BR': 'o servidor pede um certificado de cliente ({code}): informe --cert e --key, ou --pfx',
  },
  'tls.notYetValid': {
    en: "the server's certificate is not valid yet ({code}): check this machine's clock",
    'pt-BR': 'o certificado do servidor ainda não é válido ({code}): confira o relógio desta máquina',
  },
  'tls.altName': {
    en: "the server's certificate is for another host name ({code}): check the endpoint URL",
    'pt-BR': 'o certificado do servidor é de outro nome de host ({code}): confira a URL do endereço',
  },
  'tls.handshakeRefused': {
    en: 'the server refused the TLS handshake ({code}): it requires a client certificate (give --cert and --key, or --pfx), or refused the one given',
    'pt-BR': 'o servidor recusou a negociação TLS ({code}): ele exige um certificado de cliente (informe --cert e --key, ou --pfx), ou recusou o que foi dado',
  },
  'tls.clientRefused': {
    en: 'the server refused our client certificate ({code}): check that the certificate is the one registered with the service and issued by a CA it accepts',
    'pt-BR':
      'o servidor recusou nosso certificado de cliente ({code}): confira se o certificado é o cadastrado no serviço e se foi emitido por uma AC que ele aceita',
  },
  'tls.setupFailed': {
    en: 'TLS setup failed ({code}: {message}); a legacy .p12 (RC2/3DES) may need re-exporting with AES, or node --openssl-legacy-provider',
    'pt-BR':
      'a configuração TLS falhou ({code}: {message}); um .p12 antigo (RC2/3DES) pode precisar ser exportado de novo com AES, ou node --openssl-legacy-provider',
  },
  'tls.handshakeMaybe': {
    en: 'the server refused the TLS handshake ({message}): it may require a client certificate',
    'pt-BR': 'o servidor recusou a negociação TLS ({message}): ele pode exigir um certificado de cliente',
  },

  'http.proxy.ECONNREFUSED': {
    en: 'refuses connections (ECONNREFUSED): check the proxy address and port',
    'pt-BR': 'recusa conexões (ECONNREFUSED): confira o endereço e a porta do proxy',
  },
  'http.proxy.ENOTFOUND': {
    en: 'does not exist (DNS: ENOTFOUND): check the proxy address',
    'pt-BR': 'não existe (DNS: ENOTFOUND): confira o endereço do proxy',
  },
  'http.proxy.EAI_AGAIN': {
    en: 'could not be looked up (DNS: EAI_AGAIN): check the proxy address and the DNS',
    'pt-BR': 'não pôde ser resolvido (DNS: EAI_AGAIN): confira o endereço do proxy e o DNS',
  },
  'http.proxy.EHOSTUNREACH': {
    en: 'cannot be reached (EHOSTUNREACH): check the proxy address and the network',
    'pt-BR': 'não pode ser alcançado (EHOSTUNREACH): confira o endereço do proxy e a rede',
  },
  'http.proxy.ENETUNREACH': {
    en: 'cannot be reached (ENETUNREACH): check the proxy address and the network',
    'pt-BR': 'não pode ser alcançado (ENETUNREACH): confira o endereço do proxy e a rede',
  },
  'http.proxy.UND_ERR_CONNECT_TIMEOUT': {
    en: 'did not accept the connection in time (UND_ERR_CONNECT_TIMEOUT)',
    'pt-BR': 'não aceitou a conexão a tempo (UND_ERR_CONNECT_TIMEOUT)',
  },
  'http.proxyName': { en: 'the proxy {proxy}', 'pt-BR': 'o proxy {proxy}' },
  'http.proxyBadLogin': {
    en: '{proxy} refused its user and password (HTTP 407): check the proxy credentials file or HTTPS_PROXY',
    'pt-BR': '{proxy} recusou o usuário e a senha (HTTP 407): confira o arquivo de credenciais do proxy ou HTTPS_PROXY',
  },
  'http.proxyLogin': {
    en: '{proxy} asks for a login (HTTP 407): put "user:password" in a file given with --proxy-credentials-file (proxyCredentialsFile), or in HTTPS_PROXY',
    'pt-BR':
      '{proxy} pede login (HTTP 407): ponha "usuário:senha" em um arquivo informado com --proxy-credentials-file (proxyCredentialsFile), ou em HTTPS_PROXY',
  },
  'http.proxyUpstream': { en: '{proxy} could not reach {host} (HTTP {status})', 'pt-BR': '{proxy} não conseguiu alcançar {host} (HTTP {status})' },
  'http.proxyForbids': {
    en: '{proxy} refuses the connection to {host} (HTTP {status}): ask for {host} to be allowed, or check NO_PROXY',
    'pt-BR': '{proxy} recusa a conexão com {host} (HTTP {status}): peça a liberação de {host}, ou confira NO_PROXY',
  },
  'http.proxySilent': {
    en: '{proxy} did not answer in {seconds} s (the connection to {host} through it)',
    'pt-BR': '{proxy} não respondeu em {seconds} s (a conexão com {host} por meio dele)',
  },
  'http.colonInUser': { en: 'the user name cannot contain ":" (HTTP Basic)', 'pt-BR': 'o nome de usuário não pode conter ":" (HTTP Basic)' },
  'http.refused': { en: 'the service refused the credentials (HTTP {status})', 'pt-BR': 'o serviço recusou as credenciais (HTTP {status})' },
  'http.noAnswerIn': { en: '{origin}: no answer in {seconds} s', 'pt-BR': '{origin}: sem resposta em {seconds} s' },
  'http.interrupted': { en: 'the request was interrupted', 'pt-BR': 'a requisição foi interrompida' },
  'http.noHost': {
    en: '{url}: the host {host} does not exist (DNS): check the URL',
    'pt-BR': '{url}: o host {host} não existe (DNS): confira a URL',
  },
  'http.tooLarge': {
    en: '{origin}: the answer is larger than the {max} bytes allowed',
    'pt-BR': '{origin}: a resposta é maior que os {max} bytes permitidos',
  },
  'http.ECONNREFUSED': { en: 'connection refused', 'pt-BR': 'conexão recusada' },
  'http.ENOTFOUND': { en: 'host not found', 'pt-BR': 'host não encontrado' },
  'http.EAI_AGAIN': { en: 'host name lookup failed (DNS)', 'pt-BR': 'a resolução do nome do host falhou (DNS)' },
  'http.ECONNRESET': { en: 'connection reset', 'pt-BR': 'conexão reiniciada' },
  'http.UND_ERR_SOCKET': { en: 'connection closed before the answer was complete', 'pt-BR': 'conexão fechada antes de a resposta terminar' },
  'http.UND_ERR_CONNECT_TIMEOUT': { en: 'connection timed out', 'pt-BR': 'tempo de conexão esgotado' },
  'http.UND_ERR_HEADERS_TIMEOUT': { en: 'no answer in time', 'pt-BR': 'sem resposta a tempo' },
  'http.UND_ERR_BODY_TIMEOUT': { en: 'the answer stopped arriving', 'pt-BR': 'a resposta parou de chegar' },
  'http.wrongPath': {
    en: 'the endpoint {url} answered HTTP {status}{text}: check the URL',
    'pt-BR': 'o endereço {url} respondeu HTTP {status}{text}: confira a URL',
  },
  'http.notXml': { en: 'the answer is not XML (HTTP {status})', 'pt-BR': 'a resposta não é XML (HTTP {status})' },

  'soap.doctype': { en: 'the response has a DOCTYPE, which SOAP forbids', 'pt-BR': 'a resposta tem um DOCTYPE, que o SOAP proíbe' },
  'soap.notWellFormed': {
    en: 'the response is not well-formed XML (line {line}: {message})',
    'pt-BR': 'a resposta não é um XML bem formado (linha {line}: {message})',
  },
  'soap.noBody': { en: 'the SOAP envelope has no Body', 'pt-BR': 'o envelope SOAP não tem Body' },
  'soap.notEnvelope': { en: 'the response is XML but not a SOAP envelope', 'pt-BR': 'a resposta é XML mas não é um envelope SOAP' },
  'soap.bodyNotElement': { en: 'the SOAP Body is not an element', 'pt-BR': 'o Body SOAP não é um elemento' },

  'pi.notUrl': { en: "the endpoint '{input}' is not a URL (e.g. {example})", 'pt-BR': "o endereço '{input}' não é uma URL (por exemplo {example})" },
  'pi.notHttps': { en: 'the endpoint must be an https:// URL, not {protocol}', 'pt-BR': 'o endereço deve ser uma URL https://, não {protocol}' },
  'pi.plainHttp': {
    en: 'refusing to send credentials over plain HTTP to {host}: use https://',
    'pt-BR': 'recusando enviar credenciais por HTTP sem criptografia para {host}: use https://',
  },
  'pi.batchSize': { en: 'batch size agreed with the service', 'pt-BR': 'tamanho de lote combinado com o serviço' },
  'pi.notSent': { en: 'not sent', 'pt-BR': 'não enviado' },
  'pi.callRetrying': { en: '{what} failed, retrying: {message}', 'pt-BR': '{what} falhou, tentando de novo: {message}' },
  'pi.retrying': { en: 'retrying after: {message}', 'pt-BR': 'tentando de novo após: {message}' },
  'pi.resultCount': {
    en: 'the service answered {results} results for {documentos} Documentos',
    'pt-BR': 'o serviço respondeu {results} resultados para {documentos} Documentos',
  },
  'pi.resultSwapped': {
    en: 'result {index} is for Protocolo {answered}, not {sent}: results cannot be matched',
    'pt-BR': 'o resultado {index} é do Protocolo {answered}, não de {sent}: os resultados não podem ser associados',
  },
  'pi.noElement': { en: 'the answer has no {name}', 'pt-BR': 'a resposta não tem {name}' },
  'pi.refusedLogin': {
    en: 'the PI refused the user or password (NegocioFault: {message}); credentials of homologação and produção differ',
    'pt-BR': 'o PI recusou o usuário ou a senha (NegocioFault: {message}); as credenciais de homologação e de produção são diferentes',
  },
  'pi.noMessage': { en: 'no message', 'pt-BR': 'sem mensagem' },
  'pi.badMaximum': {
    en: "NumeroMaximoDocumentos is not a positive integer: '{value}'",
    'pt-BR': "NumeroMaximoDocumentos não é um inteiro positivo: '{value}'",
  },
  'pi.missing': { en: '(missing)', 'pt-BR': '(ausente)' },
  'rest.unreadDocumento': {
    en: 'the REST transport read {read} Documentos back from the XML of {given}',
    'pt-BR': 'o transporte REST leu de volta {read} Documentos do XML de {given}',
  },
  'pi.emptyList': { en: 'an empty ListaDocumentos cannot be sent', 'pt-BR': 'uma ListaDocumentos vazia não pode ser enviada' },
  'pi.noResultado': { en: 'ResultadoDocumento {index} has no Resultado', 'pt-BR': 'ResultadoDocumento {index} não tem Resultado' },
  'pi.emptyResultado': { en: 'the service answered an empty Resultado', 'pt-BR': 'o serviço respondeu um Resultado vazio' },
  'pi.unexpectedResultado': { en: 'unexpected Resultado: {text}', 'pt-BR': 'Resultado inesperado: {text}' },
  'rest.notList': { en: 'the answer is not a JSON list of results (HTTP {status})', 'pt-BR': 'a resposta não é uma lista JSON de resultados (HTTP {status})' },
  'rest.noToken': { en: 'the login answer has no id_token (HTTP {status})', 'pt-BR': 'a resposta do login não tem id_token (HTTP {status})' },
  'rest.notJson': { en: 'the answer is not JSON (HTTP {status})', 'pt-BR': 'a resposta não é JSON (HTTP {status})' },
  'rest.detail': { en: 'the service refused the request (HTTP {status}): {detail}', 'pt-BR': 'o serviço recusou a requisição (HTTP {status}): {detail}' },
  'pi.badTransport': { en: "unknown transport '{value}' (soap or rest)", 'pt-BR': "transporte desconhecido '{value}' (soap ou rest)" },
  'pi.noEndpoint': {
    en: 'no endpoint: set it (or PI_ENDPOINT), e.g. homologacao',
    'pt-BR': 'sem endereço: defina-o (ou PI_ENDPOINT), por exemplo homologacao',
  },
  'pi.noUser': {
    en: 'no user: the organ login PEN gave you (or PI_USER)',
    'pt-BR': 'sem usuário: o login do órgão fornecido pelo PEN (ou PI_USER)',
  },
  'pi.noPassword': {
    en: 'no password: set PI_PASSWORD or use a password file (never a flag or the configuration)',
    'pt-BR': 'sem senha: defina PI_PASSWORD ou use um arquivo de senha (nunca uma opção de linha de comando ou a configuração)',
  },
} as const;
