/** The export configuration file's problems (`FILE:LINE: key: message`). */

export const CONFIG = {
  'config.cannotRead': {
    en: 'cannot read the configuration {file}: {reason} (pi-sender init writes a commented sample)',
    'pt-BR': 'não é possível ler a configuração {file}: {reason} (pi-sender init escreve um exemplo comentado)',
  },
  'config.notYaml': { en: '{where}: not valid YAML/JSON: {message}', 'pt-BR': '{where}: não é um YAML/JSON válido: {message}' },
  'config.notMapping': {
    en: '{where}: the configuration must be a mapping (key: value)',
    'pt-BR': '{where}: a configuração deve ser um mapeamento (chave: valor)',
  },
  'config.problems': {
    en: 'the configuration has {count} {count|problem|problems}:',
    'pt-BR': 'a configuração tem {count} {count|problema|problemas}:',
  },
  'config.top': { en: '(top)', 'pt-BR': '(raiz)' },
  'config.missing': { en: 'missing', 'pt-BR': 'ausente' },
  'config.mustBeMapping': { en: 'must be a mapping (key: value)', 'pt-BR': 'deve ser um mapeamento (chave: valor)' },
  'config.mustBeText': { en: 'must be a non-empty text', 'pt-BR': 'deve ser um texto não vazio' },
  'config.mustBeInteger': { en: 'must be an integer of at least {min}', 'pt-BR': 'deve ser um inteiro de no mínimo {min}' },
  'config.mustBeBoolean': { en: 'must be true or false', 'pt-BR': 'deve ser true ou false' },
  'config.missingChoice': { en: 'missing (one of {choices})', 'pt-BR': 'ausente (um de {choices})' },
  'config.mustBeOneOf': { en: "must be one of {choices}, not '{value}'", 'pt-BR': "deve ser um de {choices}, não '{value}'" },
  'config.mustBeTexts': { en: 'must be a text or a list of texts', 'pt-BR': 'deve ser um texto ou uma lista de textos' },
  'config.missingField': {
    en: 'missing (a column name, a "{{template}}", or {{ value: ... }})',
    'pt-BR': 'ausente (um nome de coluna, um "{{modelo}}", ou {{ value: ... }})',
  },
  'config.mustNotBeEmpty': { en: 'must not be empty', 'pt-BR': 'não pode ser vazio' },
  'config.badField': {
    en: 'must be a column name, a "{{template}}", or one of {{ value: ... }}, {{ column: ... }}, {{ template: ... }}',
    'pt-BR': 'deve ser um nome de coluna, um "{{modelo}}", ou um de {{ value: ... }}, {{ column: ... }}, {{ template: ... }}',
  },
  'config.unknownKey': { en: 'unknown key (expected one of {known})', 'pt-BR': 'chave desconhecida (esperado um de {known})' },
  'config.xmlNoMapping': {
    en: 'an xml source needs no mapping: its Documentos are already in the standard',
    'pt-BR': 'uma fonte xml não precisa de mapeamento: seus Documentos já estão no padrão',
  },
  'config.unknownZone': {
    en: "unknown time zone '{zone}' (an IANA name, e.g. America/Sao_Paulo)",
    'pt-BR': "fuso horário desconhecido '{zone}' (um nome IANA, por exemplo America/Sao_Paulo)",
  },
  'config.unknownLanguage': { en: "unknown language '{value}' (pt-BR or en)", 'pt-BR': "idioma desconhecido '{value}' (pt-BR ou en)" },
  'config.badInitial': {
    en: "must be a local date-time such as 2015-01-01 00:00:00, not '{value}'",
    'pt-BR': "deve ser uma data-hora local como 2015-01-01 00:00:00, não '{value}'",
  },
  'config.oneCharacter': { en: 'must be one character', 'pt-BR': 'deve ser um único caractere' },
  'config.urlPassword': {
    en: 'holds a password: put it in the environment (passwordEnv) or a file (passwordFile), never in the configuration',
    'pt-BR': 'contém uma senha: coloque-a no ambiente (passwordEnv) ou em um arquivo (passwordFile), nunca na configuração',
  },
  'config.sqlitePath': { en: 'missing: the SQLite file of the SPE', 'pt-BR': 'ausente: o arquivo SQLite do SPE' },
  'config.envPort': {
    en: "PI_SENDER_SPE_PORT must be a port number, not '{value}'",
    'pt-BR': "PI_SENDER_SPE_PORT deve ser um número de porta, não '{value}'",
  },
  'config.envUrlPassword': {
    en: 'PI_SENDER_SPE_URL holds a password: put it in the environment variable passwordEnv names',
    'pt-BR': 'PI_SENDER_SPE_URL contém uma senha: coloque-a na variável de ambiente indicada por passwordEnv',
  },
  'config.missingAccess': {
    en: 'missing: the access-level column and its values (sigiloso is never sent; restrito only with publishRestrito), or {{ value: publico }} when every process is public',
    'pt-BR':
      'ausente: a coluna do nível de acesso e seus valores (sigiloso nunca é enviado; restrito só com publishRestrito), ou {{ value: publico }} quando todo processo é público',
  },
  'config.missingPublico': {
    en: 'missing: the values of the access column that mean público',
    'pt-BR': 'ausente: os valores da coluna de acesso que significam público',
  },
  'config.piPassword': {
    en: 'passwords never go in the configuration: set PI_PASSWORD or use passwordFile',
    'pt-BR': 'senhas nunca vão na configuração: defina PI_PASSWORD ou use passwordFile',
  },
  'config.badPeriod': {
    en: "must be daily, hourly, weekly, never, or hours or days such as 12h or 2d, not '{value}'",
    'pt-BR': "deve ser daily, hourly, weekly, never, ou horas ou dias como 12h ou 2d, não '{value}'",
  },
  'config.httpUrl': { en: 'must be an http(s) URL', 'pt-BR': 'deve ser uma URL http(s)' },
  'config.smtpPassword': {
    en: 'passwords never go in the configuration: use passwordEnv or passwordFile',
    'pt-BR': 'senhas nunca vão na configuração: use passwordEnv ou passwordFile',
  },
  'config.missingTo': { en: 'missing: who receives the alerts', 'pt-BR': 'ausente: quem recebe os alertas' },
} as const;
