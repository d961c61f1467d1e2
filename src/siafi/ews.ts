/**
 * The error table of the interface document (§3.5). EWS0002 is not in it. Which codes leave the
 * requisition possibly applied decides what pi-sender does next: see {@link ewsEffect}.
 */

/** One line of the error table. */
export interface EwsCode {
  code: string;
  /** The description, as the document gives it (Portuguese: it is what SIAFI answers). */
  description: string;
  /** The document's "indicação de uso". */
  indication: string;
}

/** The error table of the interface document, by code. */
export const EWS_CODES: Readonly<Record<string, EwsCode>> = Object.fromEntries(
  (
    [
      ['EWS0001', 'Cabeçalho do SIAFI ausente.', 'Informar o cabeçalho SIAFI.'],
      ['EWS0003', 'Sistema consumidor não identificado ou não cadastrado.', 'Necessário cadastrar o sistema e a máquina de origem que acessa o SIAFI.'],
      [
        'EWS0004',
        'Obrigatório informar o campo “nonce” no cabeçalho de entrada para executar operações que alteram a base.',
        'Operações, cuja classificação alteram a base, necessitam que o campo “nonce” seja informado pelos consumidores do serviço.',
      ],
      ['EWS0005', 'Tamanho do campo “nonce” do cabeçalho de entrada excede 64 caracteres.', 'Tamanho do nonce está limitado a 64 posições.'],
      [
        'EWS0006',
        'Já existe uma requisição com o mesmo identificador NONCE sendo processada. Aguarde 10 minutos e tente novamente.',
        'Durante o processamento de uma requisição, outra com mesmo NONCE e mesma operação não pode ser enviada.',
      ],
      [
        'EWS0007',
        'Obrigatório informar o campo “ug” no cabeçalho SIAFI.',
        "Obrigatório preenchimento deste campo com a UG primária ou uma das UG's secundárias do operador.",
      ],
      ['EWS0008', 'Nome do Sistema deve ser igual ao informado na URL.', 'O nome do sistema, quando informado, deve estar de acordo com a URL.'],
      [
        'EWS0009',
        'Erro de Negócio capturado pelo bilhetador: <mensagem>',
        'Quando ocorrer um erro de negócio durante a bilhetagem da requisição será apresentada esta mensagem de erro, sendo que a palavra “<mensagem>” será substituída pela mensagem de erro original.',
      ],
      [
        'EWS0010',
        'Existe uma requisição já processada com o mesmo NONCE e sem mensagem de resposta, verifique se as informações desta requisição já foram gravadas no Novo SIAFI ou entre em contato com o administrador do sistema.',
        'Ocorre quando existir uma requisição sem resposta por mais de 10 minutos e o sistema externo refizer a requisição utilizando o mesmo NONCE.',
      ],
      [
        'EWS0011',
        'A requisição foi processada, porém não é possível identificar se foi efetivada. Aguarde 20 minutos e verifique o estado da requisição no Novo SIAFI.',
        'Quando o sistema conclui o processamento da requisição, porém ocorre algum problema de infraestrutura, o Novo SIAFI tenta recuperar e processar os dados internamente. É necessário então aguardar para verificar se o processamento da requisição foi efetivado.',
      ],
    ] as const
  ).map(([code, description, indication]) => [code, { code, description, indication }]),
);

/**
 * What a code means for the requisition:
 * - `refused`: rejected at the header, before processing: nothing applied; fix the setup and send the
 *   same requisition again (same nonce).
 * - `failed`: a definite business failure (EWS0009).
 * - `unknown`: it may have been applied; send again later with the same nonce (EWS0006 after 10
 *   minutes, EWS0011 after 20), or check in SIAFI (EWS0010).
 */
export type EwsEffect = 'refused' | 'failed' | 'unknown';

/** What an EWS code means for the requisition (see {@link EwsEffect}). */
export function ewsEffect(code: string): EwsEffect {
  if (code === 'EWS0006' || code === 'EWS0010' || code === 'EWS0011') return 'unknown';
  if (code === 'EWS0009') return 'failed';
  return 'refused';
}

/** The first EWS code in a text (`EWS0004 - Obrigatório…`), if any. */
export function findEwsCode(text: string | undefined): string | undefined {
  return text ? /\bEWS\d{4}\b/.exec(text)?.[0] : undefined;
}
