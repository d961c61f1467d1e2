/**
 * The comments of the configuration `pi-sender init` writes. A multi-line text becomes one comment
 * line per line. None may contain "alerts:" at the start of a line (tests cut the file there).
 */

export const TEMPLATE = {
  'tpl.header': {
    en: 'pi-sender export configuration (YAML; JSON works too). Guides, in the installed package\n($(npm root -g)/pi-sender/docs/): export.md (every key), install.md (server, systemd timer),\nerrors.md (every error code and what to do); in Portuguese in docs/pt-BR/.\nCheck it with: pi-sender check-config --config <this file>',
    'pt-BR':
      'Configuração da exportação do pi-sender (YAML; JSON também serve). Guias, no pacote instalado\n($(npm root -g)/pi-sender/docs/pt-BR/): exportacao.md (cada chave), instalacao.md (servidor,\ntemporizador do systemd), problemas.md (cada código de erro e o que fazer).\nVerifique com: pi-sender check-config --config <este arquivo>',
  },
  'tpl.queries': {
    en: "Each query gets :since and :until (local date-times of timeZone, 'YYYY-MM-DD HH:MM:SS') and is\nread as a stream. The column names are what the mapping below refers to.",
    'pt-BR':
      "Cada consulta recebe :since e :until (datas-horas locais do timeZone, 'AAAA-MM-DD HH:MM:SS') e é\nlida em fluxo. Os nomes das colunas são os que o mapeamento abaixo usa.",
  },
  'tpl.processos': {
    en: 'Every process with a history item recorded in the window, or whose own data changed in it,\nincluding sigiloso ones (pi-sender withholds them; items of a process this query does not\nreturn are not sent, and keep the watermark from moving).',
    'pt-BR':
      'Todo processo com um item de histórico registrado na janela, ou cujos próprios dados mudaram nela,\ninclusive os sigilosos (o pi-sender os retém; itens de um processo que esta consulta não devolve\nnão são enviados e impedem a marca d’água de andar).',
  },
  'tpl.interessados': { en: 'Interessados of those processes (optional).', 'pt-BR': 'Interessados desses processos (opcional).' },
  'tpl.relacionados': {
    en: 'Related processes, in both directions, as the SEI module sends them (optional).',
    'pt-BR': 'Processos relacionados, nos dois sentidos, como o módulo do SEI os envia (opcional).',
  },
  'tpl.historico': {
    en: 'History items recorded in the window: one row per item, with a stable id.',
    'pt-BR': 'Itens de histórico registrados na janela: uma linha por item, com um id estável.',
  },
  'tpl.folder': {
    en: 'The SPE (or a nightly export) drops files here; each run reads the new ones, in name order.',
    'pt-BR': 'O SPE (ou uma exportação noturna) deixa arquivos aqui; cada execução lê os novos, em ordem de nome.',
  },
  'tpl.files': {
    en: 'Which files hold which rows; the columns are the ones the mapping below refers to.',
    'pt-BR': 'Quais arquivos têm quais linhas; as colunas são as que o mapeamento abaixo usa.',
  },
  'tpl.delimiter': { en: "';' for files from Brazilian spreadsheets", 'pt-BR': "';' para arquivos de planilhas brasileiras" },
  'tpl.encoding': { en: 'or latin1', 'pt-BR': 'ou latin1' },
  'tpl.afterReading': {
    en: 'read files go to <folder>/lidos; "keep" leaves them (pi-sender remembers them)',
    'pt-BR': 'os arquivos lidos vão para <pasta>/lidos; "keep" os deixa (o pi-sender se lembra deles)',
  },
  'tpl.xmlFolder': {
    en: 'ListaDocumentos files dropped here are sent as they are (after normalizing and validating).\nThey carry no access level: drop only public items.',
    'pt-BR':
      'Arquivos ListaDocumentos deixados aqui são enviados como estão (depois de normalizados e validados).\nEles não trazem nível de acesso: deixe aqui só itens públicos.',
  },
  'tpl.readOnly': { en: 'a read-only user is enough', 'pt-BR': 'um usuário só de leitura basta' },
  'tpl.password': {
    en: 'The password comes from the environment (PI_SPE_PASSWORD by default) or a file; never from here.',
    'pt-BR': 'A senha vem do ambiente (PI_SPE_PASSWORD por padrão) ou de um arquivo; nunca daqui.',
  },
  'tpl.ssl': { en: 'or {{ ca: /path/to/ca.pem }}', 'pt-BR': 'ou {{ ca: /caminho/da/ac.pem }}' },
  'tpl.mapping': {
    en: 'How the rows become Documentos of the data standard. A value is a column name, a "{{template}}"\nof columns, or {{ value: constant }}.',
    'pt-BR': 'Como as linhas viram Documentos do padrão de dados. Um valor é um nome de coluna, um "{{modelo}}"\nde colunas, ou {{ value: constante }}.',
  },
  'tpl.id': { en: "the SPE's key of the process", 'pt-BR': 'a chave do processo no SPE' },
  'tpl.protocolo': { en: 'formatted or not: sent as digits', 'pt-BR': 'com ou sem pontuação: enviado só com dígitos' },
  'tpl.dataHora': {
    en: 'a date is sent as local midnight, as the SEI module does',
    'pt-BR': 'uma data é enviada como meia-noite local, como faz o módulo do SEI',
  },
  'tpl.assunto': { en: '" - " and an empty part disappear', 'pt-BR': '" - " e uma parte vazia somem' },
  'tpl.access': {
    en: 'sigiloso is never sent; restrito only with publishRestrito: true; any other value is withheld.',
    'pt-BR': 'sigiloso nunca é enviado; restrito só com publishRestrito: true; qualquer outro valor é retido.',
  },
  'tpl.interessado': { en: 'CPFs in names are masked', 'pt-BR': 'CPFs nos nomes são mascarados' },
  'tpl.interessadoCpf': {
    en: 'With pi.sendCpf (REST only), add cpf: <column> and natureza: <column> to interessado.',
    'pt-BR': 'Com pi.sendCpf (só REST), acrescente cpf: <coluna> e natureza: <coluna> a interessado.',
  },
  'tpl.itemId': { en: 'stable key: an item is sent once', 'pt-BR': 'chave estável: um item é enviado uma vez' },
  'tpl.unidade': { en: 'cut to 300 characters', 'pt-BR': 'cortada em 300 caracteres' },
  'tpl.operacao': {
    en: "Which tasks are published, and with which text (like the SEI module's message configuration).",
    'pt-BR': 'Quais tarefas são publicadas, e com que texto (como a configuração de mensagens do módulo do SEI).',
  },
  'tpl.internal': { en: 'internal: not published', 'pt-BR': 'interno: não publicado' },
  'tpl.otherTasks': { en: 'tasks not listed are not published', 'pt-BR': 'tarefas não listadas não são publicadas' },
  'tpl.agency': {
    en: "The agency's name, as the compliance report (pi-sender report) shows it.",
    'pt-BR': 'O nome do órgão, como o relatório de conformidade (pi-sender report) o mostra.',
  },
  'tpl.language': {
    en: 'Language of messages, help and alert e-mails, pt-BR (the default) or en; PI_SENDER_LANG and --lang win over it.',
    'pt-BR': 'Idioma das mensagens, da ajuda e dos e-mails de alerta, pt-BR (o padrão) ou en; PI_SENDER_LANG e --lang prevalecem.',
  },
  'tpl.timeZone': {
    en: 'Time zone of date-times written without an offset (and of :since/:until), and of the dates shown.',
    'pt-BR': 'Fuso das datas-horas escritas sem deslocamento (e de :since/:until), e das datas mostradas.',
  },
  'tpl.restrito': {
    en: 'The Portaria asks for items without access restriction: restrito is off unless you turn it on.',
    'pt-BR': 'A Portaria pede os itens sem restrição de acesso: restrito fica desligado até você ligá-lo.',
  },
  'tpl.earlier': {
    en: 'A withheld process that becomes publishable later has its earlier movements sent then (false: only\nthe movements from then on).',
    'pt-BR': 'Um processo retido que depois fica publicável tem seus andamentos anteriores enviados então (false: só\nos andamentos dali em diante).',
  },
  'tpl.profile': { en: 'or lenient: docs/data-standard.md#profiles', 'pt-BR': 'ou lenient: docs/data-standard.md#profiles' },
  'tpl.store': {
    en: 'One SQLite file holds what was read and sent. Use a new one when switching homologação → produção.',
    'pt-BR': 'Um arquivo SQLite guarda o que foi lido e enviado. Use um novo ao passar de homologação para produção.',
  },
  'tpl.endpoint': {
    en: 'homologacao, producao, or a URL (PI_ENDPOINT overrides it)',
    'pt-BR': 'homologacao, producao, ou uma URL (PI_ENDPOINT a substitui)',
  },
  'tpl.user': { en: "the organ's login (PI_USER overrides it)", 'pt-BR': 'o login do órgão (PI_USER o substitui)' },
  'tpl.piPassword': {
    en: 'The password comes from PI_PASSWORD, or passwordFile; never from here.',
    'pt-BR': 'A senha vem de PI_PASSWORD, ou de passwordFile; nunca daqui.',
  },
  'tpl.ca': {
    en: 'an extra CA (private CA, TLS-inspecting proxy)',
    'pt-BR': 'uma AC adicional (AC privada, proxy que inspeciona TLS)',
  },
  'tpl.proxy': { en: 'else HTTPS_PROXY / NO_PROXY from the environment', 'pt-BR': 'senão HTTPS_PROXY / NO_PROXY do ambiente' },
  'tpl.proxyCredentials': {
    en: '"user:password" of the proxy, if it needs one',
    'pt-BR': '"usuário:senha" do proxy, se ele pedir',
  },
  'tpl.transport': {
    en: "soap (default: the web service in production today) or rest, the PI's new REST API (docs/rest.md)",
    'pt-BR': 'soap (padrão: o web service em produção hoje) ou rest, a nova API REST do PI (docs/pt-BR/rest.md)',
  },
  'tpl.sendCpf': {
    en: "REST only: also send interessados' CPF and natureza; personal data, read docs/rest.md first",
    'pt-BR': 'só REST: envia também o CPF e a natureza dos interessados; dado pessoal, leia antes docs/pt-BR/rest.md',
  },
  'tpl.maxAttempts': {
    en: 'FI packages are retried on later runs up to this many attempts (as SEI)',
    'pt-BR': 'pacotes FI são tentados nas execuções seguintes até este número de tentativas (como no SEI)',
  },
  'tpl.retries': {
    en: 'attempts within one run, with exponential backoff',
    'pt-BR': 'tentativas dentro de uma execução, com espera exponencial',
  },
  'tpl.initial': {
    en: 'the first run reads from here (the PI holds movements since 2015)',
    'pt-BR': 'a primeira execução lê a partir daqui (o PI guarda andamentos desde 2015)',
  },
  'tpl.overlap': {
    en: 'each run re-reads this much before the last one: nothing is missed',
    'pt-BR': 'cada execução relê isto antes da anterior: nada escapa',
  },
  'tpl.noSuccess': {
    en: 'alert when nothing was accepted for 2 days (48 h); 0: never',
    'pt-BR': 'alerta quando nada for aceito por 2 dias (48 h); 0: nunca',
  },
  'tpl.stale': {
    en: 'pi-sender status exits 1 when a package is EN or FI for longer',
    'pt-BR': 'pi-sender status sai com 1 quando um pacote fica em EN ou FI por mais tempo',
  },
  'tpl.repeat': {
    en: 'remind, while packages stay EN or FI: daily, hourly, weekly, 12h, never',
    'pt-BR': 'lembra, enquanto houver pacotes em EN ou FI: daily, hourly, weekly, 12h, never',
  },
} as const;
