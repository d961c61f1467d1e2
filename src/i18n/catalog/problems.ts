/**
 * The messages of validation problems (`FIELD: message`, after the stable code). The codes and their
 * summaries are in standard/problems.ts and docs/data-standard.md.
 */

export const PROBLEMS = {
  // Rules beyond the XSD (standard/rules.ts)
  'rule.lineBreak': { en: ' (a line break)', 'pt-BR': ' (uma quebra de linha)' },
  'rule.tab': { en: ' (a tab)', 'pt-BR': ' (uma tabulação)' },
  'rule.control': {
    en: 'contains the control character {name}{what}; send turns line breaks and tabs into spaces and removes other control characters',
    'pt-BR': 'contém o caractere de controle {name}{what}; o send troca quebras de linha e tabulações por espaços e remove os demais caracteres de controle',
  },
  'rule.forbidden': {
    en: 'contains {what} ({name}) at character {position}; the PI cannot store it: fix the text in the SPE',
    'pt-BR': 'contém {what} ({name}) no caractere {position}; o PI não consegue guardá-lo: corrija o texto no SPE',
  },
  'rule.nonCharacter': { en: 'a non-character', 'pt-BR': 'um não-caractere' },
  'rule.loneSurrogate': { en: 'a lone surrogate', 'pt-BR': 'um surrogate isolado' },
  'rule.empty': { en: 'is empty; it is required', 'pt-BR': 'está vazio; é obrigatório' },
  'rule.invisible': {
    en: 'shows nothing (only invisible characters); it is required',
    'pt-BR': 'não mostra nada (só caracteres invisíveis); é obrigatório',
  },
  'rule.tooLong': { en: 'has {length} characters; the limit is {max}', 'pt-BR': 'tem {length} caracteres; o limite é {max}' },
  'rule.nupCheckDigits': {
    en: '{nup} has check digits {digits}; the NUP {base} needs {expected}',
    'pt-BR': '{nup} tem dígitos verificadores {digits}; o NUP {base} exige {expected}',
  },
  'rule.noOffset': {
    en: "'{value}' has no offset; write it as the SEI module does, e.g. {example}",
    'pt-BR': "'{value}' não tem deslocamento de fuso; escreva como o módulo do SEI, por exemplo {example}",
  },
  'rule.cpf': {
    en: 'contains a valid CPF in full (at character {position}); send masks it as the SEI module does',
    'pt-BR': 'contém um CPF válido por extenso (no caractere {position}); o send o mascara como o módulo do SEI',
  },
  'rule.cpfs': {
    en: 'contains {count} valid CPFs in full (at character {position}); send masks it as the SEI module does',
    'pt-BR': 'contém {count} CPFs válidos por extenso (no caractere {position}); o send os mascara como o módulo do SEI',
  },
  'rule.cpfInvalid': {
    en: 'is not a valid CPF (11 digits with both check digits right); it is never sent: fix it in the SPE',
    'pt-BR': 'não é um CPF válido (11 dígitos com os dois dígitos verificadores certos); nunca é enviado: corrija-o no SPE',
  },
  'rule.historicoOrder': {
    en: 'is earlier than ItemHistorico[{index}]; items are expected in chronological order',
    'pt-BR': 'é anterior ao ItemHistorico[{index}]; os itens devem estar em ordem cronológica',
  },
  'rule.duplicate': {
    en: 'Protocolo: {protocolo} is also Documento #{first} of this list; send each Protocolo once per list, with all its ItemHistorico',
    'pt-BR': 'Protocolo: {protocolo} também é o Documento #{first} desta lista; envie cada Protocolo uma vez por lista, com todos os seus ItemHistorico',
  },

  // What send does to a field (standard/validate-stream.ts)
  'change.mojibake-repaired': {
    en: 'has accents encoded twice (UTF-8 read as Latin-1); send repairs them',
    'pt-BR': 'tem acentos codificados duas vezes (UTF-8 lido como Latin-1); o send os conserta',
  },
  'change.control-characters': {
    en: 'has line breaks, tabs or control characters; send turns line breaks and tabs into spaces and removes the others',
    'pt-BR': 'tem quebras de linha, tabulações ou caracteres de controle; o send troca quebras de linha e tabulações por espaços e remove os demais',
  },
  'change.trimmed': { en: 'has spaces at the start or the end; send removes them', 'pt-BR': 'tem espaços no início ou no fim; o send os remove' },
  'change.cpf-masked': { en: 'holds a CPF; send masks it as the SEI module does', 'pt-BR': 'contém um CPF; o send o mascara como o módulo do SEI' },
  'change.cpf-digits': {
    en: 'is written with punctuation or without its leading zeros; the REST transport sends its 11 digits',
    'pt-BR': 'está escrito com pontuação ou sem os zeros à esquerda; o transporte REST envia seus 11 dígitos',
  },
  'change.truncated': {
    en: 'is longer than its limit; send cuts it, ending in ...',
    'pt-BR': 'é maior que seu limite; o send o corta, terminando em ...',
  },
  'change.protocolo-digits': {
    en: 'is written with punctuation or spaces; send sends the digits only',
    'pt-BR': 'está escrito com pontuação ou espaços; o send envia só os dígitos',
  },
  'change.protocolo-check-digits': {
    en: 'ends in DV; send puts the computed check digits in its place',
    'pt-BR': 'termina em DV; o send põe no lugar os dígitos verificadores calculados',
  },
  'change.relacionado-dropped': {
    en: 'is not a protocol number the PI knows, a repeat, or the Documento itself; send leaves it out',
    'pt-BR': 'não é um número de protocolo que o PI conheça, é uma repetição ou é o próprio Documento; o send o deixa de fora',
  },
  'change.interessado-duplicate-dropped': {
    en: 'repeats an earlier interessado; send leaves it out',
    'pt-BR': 'repete um interessado anterior; o send o deixa de fora',
  },
  'change.timezone-applied': {
    en: 'has no offset; send gives it the offset of --time-zone',
    'pt-BR': 'não tem deslocamento de fuso; o send lhe dá o deslocamento de --time-zone',
  },
  'change.cut': { en: '{message}; send cuts it, ending in ...', 'pt-BR': '{message}; o send o corta, terminando em ...' },
  'change.reordered': {
    en: '{field}: its elements are not in the order of the standard; send writes them in order',
    'pt-BR': '{field}: seus elementos não estão na ordem do padrão; o send os escreve em ordem',
  },
  'dropped.attribute': {
    en: 'is an attribute, which the standard does not define; send leaves it out',
    'pt-BR': 'é um atributo, que o padrão não define; o send o deixa de fora',
  },
  'dropped.namespace': {
    en: 'declares a namespace; send reads the element without it and leaves the declaration out',
    'pt-BR': 'declara um namespace; o send lê o elemento sem ele e deixa a declaração de fora',
  },
  'dropped.text': {
    en: 'holds text between elements, outside any field; send leaves it out',
    'pt-BR': 'tem texto entre elementos, fora de qualquer campo; o send o deixa de fora',
  },
  'read.unknownElement': {
    en: 'is not an element of the data standard; it cannot be sent',
    'pt-BR': 'não é um elemento do padrão de dados; não pode ser enviado',
  },
  'read.repeatedElement': { en: 'appears more than once; only the first is read', 'pt-BR': 'aparece mais de uma vez; só o primeiro é lido' },

  // The XSD's findings in our words (standard/xsd.ts)
  'xsd.unknownElement': { en: 'is not an element of the data standard', 'pt-BR': 'não é um elemento do padrão de dados' },
  'xsd.identificacao': {
    en: 'is not sent by the SEI module (seen only in its old, commented-out code); only the lenient profile accepts it',
    'pt-BR': 'não é enviado pelo módulo do SEI (aparece só em seu código antigo, comentado); só o perfil lenient o aceita',
  },
  'xsd.repeated': { en: 'appears more than once; {element} is allowed once here', 'pt-BR': 'aparece mais de uma vez; {element} é permitido uma vez aqui' },
  'xsd.missingBefore': { en: 'is missing before {element}; it is required', 'pt-BR': 'falta antes de {element}; é obrigatório' },
  'xsd.outOfOrder': {
    en: 'is out of order: {expected} must come here (order: {order})',
    'pt-BR': 'está fora de ordem: {expected} deve vir aqui (ordem: {order})',
  },
  'xsd.or': { en: ' or ', 'pt-BR': ' ou ' },
  'xsd.notAllowedHere': {
    en: 'is not allowed here (order: {order}; {element} at most once)',
    'pt-BR': 'não é permitido aqui (ordem: {order}; {element} no máximo uma vez)',
  },
  'xsd.missing': { en: 'is missing; it is required', 'pt-BR': 'está ausente; é obrigatório' },
  'xsd.expectedOneOf': { en: ' (expected one of {names})', 'pt-BR': ' (esperado um de {names})' },
  'xsd.tooLong': { en: 'has {length} characters; the maximum is {max}', 'pt-BR': 'tem {length} caracteres; o máximo é {max}' },
  'xsd.tooShort': { en: 'has {length} characters; the minimum is {min}', 'pt-BR': 'tem {length} caracteres; o mínimo é {min}' },
  'xsd.digits': { en: 'has {count} digits', 'pt-BR': 'tem {count} dígitos' },
  'xsd.notDigits': { en: 'is not digits only', 'pt-BR': 'não tem só dígitos' },
  'xsd.protocolo': {
    en: "'{value}' {what}; the PI accepts 13, 14, 15, 17 (NUP) or 21 digits, without punctuation",
    'pt-BR': "'{value}' {what}; o PI aceita 13, 14, 15, 17 (NUP) ou 21 dígitos, sem pontuação",
  },
  'xsd.pattern': {
    en: 'is not on one line of text (it holds a tab or a line break)',
    'pt-BR': 'não está em uma só linha de texto (contém uma tabulação ou uma quebra de linha)',
  },
  'xsd.dateTime': {
    en: "'{value}' is not a date-time; write it as 2025-03-10T09:15:02-03:00",
    'pt-BR': "'{value}' não é uma data-hora; escreva como 2025-03-10T09:15:02-03:00",
  },
  'xsd.attribute': {
    en: "has an attribute '{name}'; the data standard uses no attributes",
    'pt-BR': "tem um atributo '{name}'; o padrão de dados não usa atributos",
  },

  // Documentos given as objects (standard/validate.ts)
  'shape.mustBe': { en: 'must be {expected}, got {got}', 'pt-BR': 'deve ser {expected}, recebido {got}' },
  'shape.array': { en: 'an array', 'pt-BR': 'uma lista' },
  'shape.object': { en: 'an object', 'pt-BR': 'um objeto' },
  'shape.instance': { en: 'a {name}', 'pt-BR': 'um {name}' },
  'shape.typeof': { en: 'a {type}', 'pt-BR': 'um valor {type}' },
  'shape.string': { en: 'a string', 'pt-BR': 'um texto' },
  'shape.objectWith': { en: 'an object with {key}', 'pt-BR': 'um objeto com {key}' },
  'shape.tooLarge': {
    en: 'the Documento is longer than {max} characters of XML, the most one ListaDocumentos may hold; it cannot be sent',
    'pt-BR': 'o Documento tem mais de {max} caracteres de XML, o máximo que uma ListaDocumentos comporta; não pode ser enviado',
  },
  'shape.cycle': {
    en: 'refers back to an object that contains it (a cycle)',
    'pt-BR': 'aponta de volta para um objeto que o contém (um ciclo)',
  },

  // The streaming reader (standard/reader.ts) and the decoder
  'read.cannotRead': { en: 'cannot read {file}: {reason}', 'pt-BR': 'não é possível ler {file}: {reason}' },
  'read.readersFailed': { en: 'reading the list failed: {message}', 'pt-BR': 'a leitura da lista falhou: {message}' },
  'read.readersClosed': { en: 'reading cancelled: the readers were closed', 'pt-BR': 'leitura cancelada: os leitores foram fechados' },
  'read.input': { en: 'input', 'pt-BR': 'a entrada' },
  'read.doctype': {
    en: 'a DOCTYPE is not allowed: entity declarations are refused and never expanded',
    'pt-BR': 'DOCTYPE não é permitido: declarações de entidade são recusadas e nunca expandidas',
  },
  'read.ampersand': { en: "a bare '&' in the text: write it as &amp;", 'pt-BR': "um '&' solto no texto: escreva &amp;" },
  'read.byte': { en: 'byte {byte} at byte offset {offset}', 'pt-BR': 'byte {byte} na posição {offset}' },
  'read.latin1Repaired': {
    en: "{byte} is not valid UTF-8; read as the Latin-1 letter '{letter}'",
    'pt-BR': "{byte} não é UTF-8 válido; lido como a letra Latin-1 '{letter}'",
  },
  'read.notUtf8Broken': {
    en: '{byte} is not valid UTF-8 (not a Latin-1 letter either: a broken, overlong or forbidden sequence)',
    'pt-BR': '{byte} não é UTF-8 válido (nem uma letra Latin-1: uma sequência quebrada, longa demais ou proibida)',
  },
  'read.notUtf8Declare': {
    en: '{byte} is not valid UTF-8 (if the file is ISO-8859-1, declare it: <?xml version="1.0" encoding="ISO-8859-1"?>)',
    'pt-BR': '{byte} não é UTF-8 válido (se o arquivo for ISO-8859-1, declare: <?xml version="1.0" encoding="ISO-8859-1"?>)',
  },
  'read.notSent': { en: '; the Documento is not sent', 'pt-BR': '; o Documento não é enviado' },
  'read.tooDeep': { en: 'elements nested deeper than {max} levels', 'pt-BR': 'elementos aninhados em mais de {max} níveis' },
  'read.onlyDocumento': {
    en: "element '{name}' is not allowed in ListaDocumentos: only Documento is",
    'pt-BR': "o elemento '{name}' não é permitido em ListaDocumentos: só Documento",
  },
  'read.tooManyAttributes': {
    en: 'an element with more than {max} attributes (the standard defines none); the rest are skipped',
    'pt-BR': 'um elemento com mais de {max} atributos (o padrão não define nenhum); os demais são ignorados',
  },
  'read.textInLista': {
    en: 'text is not allowed directly in ListaDocumentos: only Documento elements are',
    'pt-BR': 'texto não é permitido diretamente em ListaDocumentos: só elementos Documento',
  },
  'read.unreliable': {
    en: '{message}: the rest of the file cannot be read reliably',
    'pt-BR': '{message}: o restante do arquivo não pode ser lido com segurança',
  },
  'read.tooManyErrors': { en: 'more than {max} XML errors; giving up', 'pt-BR': 'mais de {max} erros de XML; desistindo' },
  'read.disallowedCharacter': {
    en: 'a character XML 1.0 does not allow (a control character other than tab and line breaks, U+FFFE or U+FFFF)',
    'pt-BR': 'um caractere que o XML 1.0 não permite (um caractere de controle que não seja tabulação ou quebra de linha, U+FFFE ou U+FFFF)',
  },
  'read.badReference': {
    en: 'the character reference {reference} names a character XML 1.0 does not allow (a control character, a surrogate, U+FFFE/U+FFFF, or beyond U+10FFFF)',
    'pt-BR':
      'a referência de caractere {reference} indica um caractere que o XML 1.0 não permite (um caractere de controle, um surrogate, U+FFFE/U+FFFF, ou além de U+10FFFF)',
  },
  'read.badLessThan': {
    en: "a '<' that starts no element (write it as &lt;), or a bad element name",
    'pt-BR': "um '<' que não inicia elemento algum (escreva &lt;), ou um nome de elemento inválido",
  },
  'read.inNamespace': { en: "'{name}' in a namespace", 'pt-BR': "'{name}' em um namespace" },
  'read.root': {
    en: 'the root element is {what}; it must be ListaDocumentos, without a namespace',
    'pt-BR': 'o elemento raiz é {what}; deve ser ListaDocumentos, sem namespace',
  },
  'read.mixed': {
    en: '{field}: holds the element <{name}> inside its text; a field of the standard is plain text only',
    'pt-BR': '{field}: contém o elemento <{name}> dentro do texto; um campo do padrão é só texto simples',
  },
  'read.notClosed': { en: 'the Documento element is not closed properly', 'pt-BR': 'o elemento Documento não foi fechado corretamente' },
  'read.endsInside': {
    en: 'the file ends inside this Documento (started on line {line})',
    'pt-BR': 'o arquivo termina dentro deste Documento (iniciado na linha {line})',
  },
  'read.noRoot': { en: 'no root element: the file is empty or is not XML', 'pt-BR': 'sem elemento raiz: o arquivo está vazio ou não é XML' },
  'read.incomplete': {
    en: 'the file ends before </ListaDocumentos>: it is incomplete',
    'pt-BR': 'o arquivo termina antes de </ListaDocumentos>: está incompleto',
  },
  'read.empty': { en: 'ListaDocumentos has no Documento', 'pt-BR': 'ListaDocumentos não tem nenhum Documento' },
  'read.nodeTooLarge': {
    en: 'a text or markup node longer than {max} characters; its content is skipped',
    'pt-BR': 'um nó de texto ou marcação com mais de {max} caracteres; seu conteúdo é ignorado',
  },
  'read.documentoTooLarge': {
    en: 'the Documento is longer than {max} characters; it is skipped',
    'pt-BR': 'o Documento tem mais de {max} caracteres; é ignorado',
  },
  'decode.unsupported': {
    en: 'encoding "{label}" is not supported: use UTF-8 (or ISO-8859-1)',
    'pt-BR': 'a codificação "{label}" não é suportada: use UTF-8 (ou ISO-8859-1)',
  },
  'decode.bomMismatch': {
    en: 'the file starts with a UTF-8 byte order mark but declares encoding="{declared}": one of them is wrong; save it again as UTF-8',
    'pt-BR': 'o arquivo começa com a marca de ordem de bytes do UTF-8 mas declara encoding="{declared}": uma delas está errada; salve-o de novo como UTF-8',
  },
  'decode.utf16': {
    en: 'the file is UTF-16 (it starts with a UTF-16 byte order mark): convert it to UTF-8',
    'pt-BR': 'o arquivo é UTF-16 (começa com a marca de ordem de bytes do UTF-16): converta-o para UTF-8',
  },
  'decode.nul': {
    en: 'the file looks like UTF-16 or UTF-32 (NUL bytes at the start): convert it to UTF-8',
    'pt-BR': 'o arquivo parece UTF-16 ou UTF-32 (bytes NUL no início): converta-o para UTF-8',
  },
  'write.character': { en: 'character U+{code} cannot be written in XML 1.0', 'pt-BR': 'o caractere U+{code} não pode ser escrito em XML 1.0' },
  'xsd.workerNotBuilt': {
    en: 'XSD worker not built: {file} (run npm run build)',
    'pt-BR': 'o worker do XSD não foi compilado: {file} (execute npm run build)',
  },
  'xsd.cancelled': { en: 'XSD validation cancelled: the pool was closed', 'pt-BR': 'validação XSD cancelada: o pool foi fechado' },
  'xsd.failed': { en: 'XSD validation failed: {message}', 'pt-BR': 'a validação XSD falhou: {message}' },
  'xsd.cannotCompile': { en: 'cannot compile {file}: {reason}', 'pt-BR': 'não é possível compilar {file}: {reason}' },
} as const;
