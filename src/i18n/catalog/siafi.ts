/** The SIAFI client: requisition checks, outcomes, settings. */

export const SIAFI = {
  'siafi.invalid': {
    en: 'the {operation} requisition is invalid ({count} {count|problem|problems}); nothing was sent:',
    'pt-BR': 'a requisição {operation} é inválida ({count} {count|problema|problemas}); nada foi enviado:',
  },
  'siafi.v.wholeDigits': {
    en: '{name} must be a whole number of {digits} digits, not {value}',
    'pt-BR': '{name} deve ser um número inteiro de {digits} dígitos, não {value}',
  },
  'siafi.v.digits': { en: '{name} must be {digits} digits, not {value}', 'pt-BR': '{name} deve ter {digits} dígitos, não {value}' },
  'siafi.v.number': { en: '{name} must be a number, not {value}', 'pt-BR': '{name} deve ser um número, não {value}' },
  'siafi.v.oneOf': { en: '{name} must be one of {values}, not {value}', 'pt-BR': '{name} deve ser um de {values}, não {value}' },
  'siafi.v.positive': { en: '{name} must be greater than zero', 'pt-BR': '{name} deve ser maior que zero' },
  'siafi.v.text': { en: '{name} must be text, not {value}', 'pt-BR': '{name} deve ser texto, não {value}' },
  'siafi.v.textQuoted': {
    en: '{name} must be text (in quotes: leading zeros matter), not {value}',
    'pt-BR': '{name} deve ser texto (entre aspas: zeros à esquerda importam), não {value}',
  },
  'siafi.v.blank': { en: '{name} must not be blank', 'pt-BR': '{name} não pode estar em branco' },
  'siafi.v.control': { en: '{name} holds a control character', 'pt-BR': '{name} contém um caractere de controle' },
  'siafi.v.pattern': { en: '{name} must be {pattern}, not {value}', 'pt-BR': '{name} deve ser {pattern}, não {value}' },
  'siafi.v.exactly8': { en: 'exactly 8 digits', 'pt-BR': 'exatamente 8 dígitos' },
  'siafi.v.length': {
    en: '{name} must have {range} characters, not {length}',
    'pt-BR': '{name} deve ter {range} caracteres, não {length}',
  },
  'siafi.v.outOfRange': {
    en: '{name} {value} is out of range: at most 15 integer and 2 decimal digits',
    'pt-BR': '{name} {value} está fora do intervalo: no máximo 15 dígitos inteiros e 2 decimais',
  },
  'siafi.v.decimal': { en: '{name} must be a decimal number, not {value}', 'pt-BR': '{name} deve ser um número decimal, não {value}' },
  'siafi.v.decimalPoint': {
    en: '{name} must be a decimal number with a point (1500.25), not {value}',
    'pt-BR': '{name} deve ser um número decimal com ponto (1500.25), não {value}',
  },
  'siafi.v.integerDigits': { en: '{name} has more than 15 integer digits', 'pt-BR': '{name} tem mais de 15 dígitos inteiros' },
  'siafi.v.decimalDigits': { en: '{name} has more than 2 decimal digits: {value}', 'pt-BR': '{name} tem mais de 2 casas decimais: {value}' },
  'siafi.v.boolean': { en: 'must be true or false, not {value}', 'pt-BR': 'deve ser true ou false, não {value}' },
  'siafi.v.object': { en: 'must be an object ({type}), not {value}', 'pt-BR': 'deve ser um objeto ({type}), não {value}' },
  'siafi.v.unknownField': {
    en: "{type} has no field '{key}' (it has: {known})",
    'pt-BR': "{type} não tem o campo '{key}' (tem: {known})",
  },
  'siafi.v.required': { en: '{field} is required', 'pt-BR': '{field} é obrigatório' },
  'siafi.v.list': { en: 'must be a list of {type}', 'pt-BR': 'deve ser uma lista de {type}' },
  'siafi.v.single': { en: 'must be a single value, not a list', 'pt-BR': 'deve ser um valor único, não uma lista' },
  'siafi.v.atLeast': { en: 'at least {min}', 'pt-BR': 'no mínimo {min}' },
  'siafi.v.between': { en: '{min} to {max}', 'pt-BR': 'de {min} a {max}' },
  'siafi.v.entries': { en: 'must have {limit} entries, not {count}', 'pt-BR': 'deve ter {limit} entradas, não {count}' },
  'siafi.v.requisicaoObject': { en: 'the requisition must be an object ({type})', 'pt-BR': 'a requisição deve ser um objeto ({type})' },
  'siafi.v.grupo': { en: '{name} requires grupoRequisicao {grupo}, not {value}', 'pt-BR': '{name} exige grupoRequisicao {grupo}, não {value}' },
  'siafi.v.ugRequired': {
    en: 'the UG of the operator is required (--ug or SIAFI_UG)',
    'pt-BR': 'a UG do operador é obrigatória (--ug ou SIAFI_UG)',
  },
  'siafi.v.ug': { en: "UG must be 1–6 digits, not '{value}'", 'pt-BR': "a UG deve ter de 1 a 6 dígitos, não '{value}'" },
  'siafi.v.nomeSistema': { en: 'NomeSistSIAFI must have 1–11 characters', 'pt-BR': 'NomeSistSIAFI deve ter de 1 a 11 caracteres' },
  'siafi.v.nonce': { en: 'NONCE must have 1–64 characters', 'pt-BR': 'o NONCE deve ter de 1 a 64 caracteres' },

  'siafi.o.unlistedEws': { en: '(a code the interface document does not list)', 'pt-BR': '(um código que o documento de interface não lista)' },
  'siafi.o.repeat': {
    en: ' (a repeat of nonce {nonce}, first processed {when})',
    'pt-BR': ' (repetição do nonce {nonce}, processado pela primeira vez em {when})',
  },
  'siafi.o.unknown': {
    en: 'SIAFI could not tell whether the requisition was applied',
    'pt-BR': 'o SIAFI não soube dizer se a requisição foi aplicada',
  },
  'siafi.o.noVerdict': { en: 'no verdict in the answer', 'pt-BR': 'sem veredito na resposta' },
  'siafi.o.notApplied': { en: 'SIAFI did not apply the requisition', 'pt-BR': 'o SIAFI não aplicou a requisição' },
  'siafi.o.usernameToken': {
    en: 'FALHA: SIAFI refused the UsernameToken ({fault}): check the CPF and password',
    'pt-BR': 'FALHA: o SIAFI recusou o UsernameToken ({fault}): confira o CPF e a senha',
  },
  'siafi.o.credentials': {
    en: 'FALHA: SIAFI refused the credentials ({fault}): check the CPF, the password and the certificate',
    'pt-BR': 'FALHA: o SIAFI recusou as credenciais ({fault}): confira o CPF, a senha e o certificado',
  },
  'siafi.o.noAnswer': {
    en: 'INDEFINIDO: {message}; the requisition may have been applied',
    'pt-BR': 'INDEFINIDO: {message}; a requisição pode ter sido aplicada',
  },

  'siafi.c.cpf': { en: 'the SIAFI user must be a CPF of 11 digits (SIAFI_CPF)', 'pt-BR': 'o usuário do SIAFI deve ser um CPF de 11 dígitos (SIAFI_CPF)' },
  'siafi.c.notUrl': { en: 'the SIAFI endpoint is not a URL: {endpoint}', 'pt-BR': 'o endereço do SIAFI não é uma URL: {endpoint}' },
  'siafi.c.https': {
    en: 'the SIAFI endpoint must be https (mutual TLS), not {protocol}',
    'pt-BR': 'o endereço do SIAFI deve ser https (TLS mútuo), não {protocol}',
  },
  'siafi.c.noUser': {
    en: "no SIAFI user: set SIAFI_CPF (or a CPF file) to the operator's CPF",
    'pt-BR': 'sem usuário do SIAFI: defina SIAFI_CPF (ou um arquivo de CPF) com o CPF do operador',
  },
  'siafi.c.noPassword': {
    en: 'no SIAFI password: set SIAFI_PASSWORD or use a password file (never a flag); --empty-password for certificate-only integrations',
    'pt-BR':
      'sem senha do SIAFI: defina SIAFI_PASSWORD ou use um arquivo de senha (nunca uma opção de linha de comando); --empty-password para integrações só por certificado',
  },
  'siafi.c.certificate': {
    en: 'SIAFI requires a client certificate: give --cert and --key (PEM) or --pfx (PKCS#12)',
    'pt-BR': 'o SIAFI exige um certificado de cliente: informe --cert e --key (PEM) ou --pfx (PKCS#12)',
  },
  'siafi.c.year': { en: "the exercise year must have 4 digits, not '{year}'", 'pt-BR': "o ano de exercício deve ter 4 dígitos, não '{year}'" },
  'siafi.c.environment': {
    en: "unknown SIAFI environment '{environment}' (use homologacao or producao, or give the whole endpoint URL)",
    'pt-BR': "ambiente do SIAFI desconhecido '{environment}' (use homologacao ou producao, ou informe o endereço completo)",
  },
  'siafi.c.operation': {
    en: "unknown SIAFI operation '{name}' (use one of: {aliases}, or their full names such as {example})",
    'pt-BR': "operação do SIAFI desconhecida '{name}' (use uma de: {aliases}, ou seus nomes completos, como {example})",
  },
} as const;
