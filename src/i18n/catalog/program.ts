/** The program, its commands' one-line descriptions, help headings, commander's errors, exit codes. */

export const PROGRAM = {
  'program.description': {
    en: 'Send process and document movements to the Protocolo Integrado (PI) web service',
    'pt-BR': 'Envia a movimentação de processos e documentos ao web service do Protocolo Integrado (PI)',
  },
  'program.lang': {
    en: 'language of messages and help: pt-BR (default) or en; also PI_SENDER_LANG or language: in the configuration',
    'pt-BR': 'idioma das mensagens e da ajuda: pt-BR (padrão) ou en; também PI_SENDER_LANG ou language: na configuração',
  },
  'program.version': { en: 'print the version number', 'pt-BR': 'mostra o número da versão' },
  'program.help': { en: 'display help for command', 'pt-BR': 'mostra a ajuda do comando' },
  'program.seeHelp': { en: '(see {command} --help)', 'pt-BR': '(veja {command} --help)' },
  'program.internalError': { en: 'internal error: {detail}', 'pt-BR': 'erro interno: {detail}' },
  'program.unknownLanguage': {
    en: "{where}: unknown language '{value}' (write pt-BR or en)",
    'pt-BR': "{where}: idioma desconhecido '{value}' (escreva pt-BR ou en)",
  },

  'command.validate': {
    en: 'check ListaDocumentos XML files against the Protocolo Integrado data standard, without sending',
    'pt-BR': 'verifica arquivos XML ListaDocumentos contra o padrão de dados do Protocolo Integrado, sem enviar',
  },
  'command.send': {
    en: 'upload a ListaDocumentos XML file to the Protocolo Integrado, with a report line per Documento',
    'pt-BR': 'envia um arquivo XML ListaDocumentos ao Protocolo Integrado, com uma linha de relatório por Documento',
  },
  'command.export': {
    en: 'read what changed in the SPE, send it to the Protocolo Integrado, record every outcome (one run, or on a schedule)',
    'pt-BR': 'lê o que mudou no SPE, envia ao Protocolo Integrado e registra cada resultado (uma execução, ou agendado)',
  },
  'command.status': {
    en: 'packages per state, last successful send, oldest pending item; warns past 48 h without a success',
    'pt-BR': 'pacotes por situação, último envio com sucesso, pendência mais antiga; avisa após 48 h sem sucesso',
  },
  'command.list': {
    en: 'list packages (newest first) by state, Protocolo or date',
    'pt-BR': 'lista pacotes (mais recentes primeiro) por situação, Protocolo ou data',
  },
  'command.show': {
    en: "show a Protocolo's packages: state, answer, problems and the Documento XML",
    'pt-BR': 'mostra os pacotes de um Protocolo: situação, resposta, problemas e o XML do Documento',
  },
  'command.resend': {
    en: 'send again on the next export: the packages of a Protocolo, or every package in a state',
    'pt-BR': 'Reenviar na próxima exportação: os pacotes de um Protocolo, ou todos os pacotes de uma situação',
  },
  'command.alerts': {
    en: 'alerts: test sends a test message through every configured channel',
    'pt-BR': 'alertas: test envia uma mensagem de teste por cada canal configurado',
  },
  'command.init': {
    en: 'write a commented export configuration to start from',
    'pt-BR': 'escreve uma configuração de exportação comentada para começar',
  },
  'command.check-config': {
    en: 'check the configuration, the SPE connection, a sample of mapped Documentos, the PI credentials and the alert channels; sends nothing',
    'pt-BR': 'verifica a configuração, a conexão com o SPE, uma amostra de Documentos mapeados, as credenciais do PI e os canais de alerta; não envia nada',
  },
  'command.simulator': {
    en: 'run a local Protocolo Integrado web service (for trying pi-sender and for tests)',
    'pt-BR': 'executa um web service local do Protocolo Integrado (para experimentar o pi-sender e para testes)',
  },
  'command.siafi': {
    en: 'send requisitions to the Novo SIAFI integrarSistemaSPUNet service (STN); see docs/siafi.md',
    'pt-BR': 'envia requisições ao serviço integrarSistemaSPUNet do Novo SIAFI (STN); veja docs/siafi.md',
  },
  'command.sample-spe': {
    en: 'write the sample SPE database (for trying the export job): a SQLite file, or SQL for PostgreSQL or MariaDB',
    'pt-BR': 'escreve o banco de exemplo de um SPE (para experimentar a exportação): um arquivo SQLite, ou SQL para PostgreSQL ou MariaDB',
  },
  'command.demo': {
    en: 'export the sample SPE to a local PI simulator and print the status (what npm start runs); --upload: upload the sample file instead',
    'pt-BR': 'exporta o SPE de exemplo para um simulador local do PI e mostra a situação (o que npm start executa); --upload: envia o arquivo de exemplo',
  },

  'help.usage': { en: 'Usage:', 'pt-BR': 'Uso:' },
  'help.options': { en: 'Options:', 'pt-BR': 'Opções:' },
  'help.globalOptions': { en: 'Global Options:', 'pt-BR': 'Opções globais:' },
  'help.commands': { en: 'Commands:', 'pt-BR': 'Comandos:' },
  'help.arguments': { en: 'Arguments:', 'pt-BR': 'Argumentos:' },
  'help.default': { en: 'default: {value}', 'pt-BR': 'padrão: {value}' },
  'help.choices': { en: 'choices: {values}', 'pt-BR': 'opções: {values}' },
  'help.env': { en: 'env: {name}', 'pt-BR': 'variável: {name}' },
  'help.helpCommand': { en: 'display help for command', 'pt-BR': 'mostra a ajuda do comando' },

  'usage.unknownOption': { en: "error: unknown option '{option}'", 'pt-BR': "erro: opção desconhecida '{option}'" },
  'usage.didYouMean': { en: '(Did you mean {suggestion}?)', 'pt-BR': '(Você quis dizer {suggestion}?)' },
  'usage.unknownCommand': { en: "error: unknown command '{command}'", 'pt-BR': "erro: comando desconhecido '{command}'" },
  'usage.missingArgument': { en: "error: missing required argument '{name}'", 'pt-BR': "erro: falta o argumento obrigatório '{name}'" },
  'usage.optionArgumentMissing': { en: "error: option '{option}' argument missing", 'pt-BR': "erro: falta o valor da opção '{option}'" },
  'usage.requiredOption': { en: "error: required option '{option}' not specified", 'pt-BR': "erro: a opção obrigatória '{option}' não foi informada" },
  'usage.conflict': { en: 'error: {first} cannot be used with {second}', 'pt-BR': 'erro: {first} não pode ser usada com {second}' },
  'usage.tooManyArguments': {
    en: 'error: too many arguments{context}. Expected {expected} {expected|argument|arguments} but got {received}.',
    'pt-BR': 'erro: argumentos demais{context}. Esperado(s) {expected}, recebido(s) {received}.',
  },
  'usage.invalidChoice': {
    en: "error: option '{option}' argument '{value}' is invalid. Allowed choices are {choices}.",
    'pt-BR': "erro: o valor '{value}' da opção '{option}' é inválido. Valores aceitos: {choices}.",
  },
  'usage.invalidArgument': {
    en: "error: option '{option}' argument '{value}' is invalid. {reason}",
    'pt-BR': "erro: o valor '{value}' da opção '{option}' é inválido. {reason}",
  },
  'usage.error': { en: 'error: {message}', 'pt-BR': 'erro: {message}' },

  'exit.title': { en: 'Exit codes:', 'pt-BR': 'Códigos de saída:' },
  'exit.0': { en: 'all valid / all accepted (warnings allowed)', 'pt-BR': 'tudo válido / tudo aceito (avisos permitidos)' },
  'exit.0.send': {
    en: 'every Documento accepted (dry run: every Documento valid)',
    'pt-BR': 'todos os Documentos aceitos (simulação: todos os Documentos válidos)',
  },
  'exit.0.export': {
    en: 'the run went through: everything due was accepted',
    'pt-BR': 'a execução foi concluída: tudo o que era devido foi aceito',
  },
  'exit.0.status': {
    en: 'healthy: nothing stale, a successful send within 48 hours',
    'pt-BR': 'tudo em ordem: nada parado, um envio com sucesso nas últimas 48 horas',
  },
  'exit.0.check-config': { en: 'everything checked', 'pt-BR': 'tudo verificado' },
  'exit.1': {
    en: 'some Documentos invalid or rejected (the rest was done)',
    'pt-BR': 'alguns Documentos inválidos ou recusados (o restante foi feito)',
  },
  'exit.1.send': {
    en: 'some Documentos invalid or rejected (NFxxx); the rest was sent',
    'pt-BR': 'alguns Documentos inválidos ou recusados (NFxxx); o restante foi enviado',
  },
  'exit.1.export': {
    en: 'some Documentos were rejected by the PI or invalid (EN); the rest was sent',
    'pt-BR': 'alguns Documentos foram recusados pelo PI ou são inválidos (EN); o restante foi enviado',
  },
  'exit.1.validate': {
    en: 'some Documentos invalid, or the file is not a valid ListaDocumentos',
    'pt-BR': 'alguns Documentos inválidos, ou o arquivo não é uma ListaDocumentos válida',
  },
  'exit.1.status': {
    en: 'something needs a person: packages EN/FI for longer than alerts.staleAfterDays, FI past the attempt limit, or no successful send for more than 48 hours',
    'pt-BR':
      'algo precisa de uma pessoa: pacotes EN/FI há mais de alerts.staleAfterDays dias, FI além do limite de tentativas, ou nenhum envio com sucesso há mais de 48 horas',
  },
  'exit.1.check-config': { en: 'some Documentos of the sample are invalid', 'pt-BR': 'alguns Documentos da amostra são inválidos' },
  'exit.2': {
    en: 'usage or configuration error, unreadable file, bad credentials, wrong endpoint or certificate: a person must fix it (not retried)',
    'pt-BR':
      'erro de uso ou de configuração, arquivo ilegível, credenciais recusadas, endereço ou certificado errado: uma pessoa precisa corrigir (sem nova tentativa)',
  },
  'exit.2.export': {
    en: 'configuration problem, credentials refused, wrong endpoint, untrusted certificate, another export running, or history items whose process the processos query did not return (the watermark waits for them)',
    'pt-BR':
      'problema de configuração, credenciais recusadas, endereço errado, certificado não confiável, outra exportação em andamento, ou itens de histórico cujo processo a consulta de processos não retornou (a marca d’água espera por eles)',
  },
  'exit.3': {
    en: 'service unreachable or failing for a reason that passes: try again later',
    'pt-BR': 'serviço inacessível ou falhando por um motivo passageiro: tente de novo mais tarde',
  },
  'exit.3.send': {
    en: 'the service is unreachable or failing: some Documentos failed after every retry (--resume sends them)',
    'pt-BR': 'o serviço está inacessível ou falhando: alguns Documentos falharam após todas as tentativas (--resume os envia)',
  },
  'exit.3.export': {
    en: 'the SPE database or the PI is unreachable or failing (FI packages are retried next run)',
    'pt-BR': 'o banco do SPE ou o PI está inacessível ou falhando (pacotes FI são tentados de novo na próxima execução)',
  },
  'exit.3.alerts': {
    en: 'a channel did not take the message: unreachable or failing for a reason that passes: try again later',
    'pt-BR': 'um canal não aceitou a mensagem: inacessível ou falhando por um motivo passageiro: tente de novo mais tarde',
  },
  'exit.4': { en: 'internal error (a bug: please report it)', 'pt-BR': 'erro interno (um defeito: por favor, relate-o)' },
  'exit.130': {
    en: 'interrupted by Ctrl-C (SIGINT); 143 for SIGTERM: what was answered is recorded',
    'pt-BR': 'interrompido por Ctrl-C (SIGINT); 143 para SIGTERM: o que foi respondido fica registrado',
  },
  'exit.130.send': {
    en: 'interrupted (Ctrl-C; 143 for SIGTERM): continue with --resume',
    'pt-BR': 'interrompido (Ctrl-C; 143 para SIGTERM): continue com --resume',
  },
  'exit.130.export': {
    en: 'interrupted (Ctrl-C; 143 for SIGTERM) between batches: the next run sends the rest',
    'pt-BR': 'interrompido (Ctrl-C; 143 para SIGTERM) entre lotes: a próxima execução envia o restante',
  },
} as const;
