/** Words used everywhere: states, "never", "none". */

export const COMMON = {
  'common.never': { en: 'never', 'pt-BR': 'nunca' },
  'common.none': { en: 'none', 'pt-BR': 'nenhum' },
  'common.warning': { en: 'WARNING', 'pt-BR': 'ATENÇÃO' },
  'common.warningTag': { en: 'warning', 'pt-BR': 'aviso' },
  'log.trace': { en: 'trace', 'pt-BR': 'rastro' },
  'log.debug': { en: 'debug', 'pt-BR': 'depuração' },
  'log.info': { en: 'info', 'pt-BR': 'info' },
  'log.warn': { en: 'warn', 'pt-BR': 'aviso' },
  'log.error': { en: 'error', 'pt-BR': 'erro' },
  'log.fatal': { en: 'fatal', 'pt-BR': 'fatal' },
  'state.NI': { en: 'waiting', 'pt-BR': 'Não Integrado' },
  'state.I': { en: 'integrated', 'pt-BR': 'Integrado' },
  'state.EN': { en: 'business error', 'pt-BR': 'Erro Negocial' },
  'state.FI': { en: 'infrastructure failure', 'pt-BR': 'Falha Infra' },
} as const;
