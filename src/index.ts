/**
 * pi-sender as a library, for SPEs written in Node: send Documentos to the Protocolo Integrado from
 * your own code ({@link createSender}), or use the pieces: the PI client, validation, normalization,
 * streaming reading and writing of ListaDocumentos, and a local PI simulator for your tests.
 *
 * Importing this module has no side effects: nothing starts, nothing is read or written, until you
 * call something. Guide: docs/library.md.
 *
 * @packageDocumentation
 */

// --- sending from an SPE ---
export {
  createSender,
  Sender,
  InvalidDocumentoError,
  type SenderConfig,
  type SenderPi,
  type DocumentoInput,
  type EnqueueOptions,
  type EnqueueResult,
  type NivelAcesso,
  type SendOutcome,
  type SenderStatus,
  type SenderEvents,
} from './library/sender.js';

// --- the data standard ---
export type {
  Documento,
  DocumentoDraft,
  Historico,
  Interessado,
  ItemHistorico,
  ListaDocumentos,
  ListaInteressados,
  ListaProtocolosRelacionados,
  OneOrMore,
  Profile,
} from './standard/model.js';
export { PROBLEM_CODES, type Problem, type ProblemCode, type Severity } from './standard/problems.js';
export { validateDocumento, type ValidateOptions, type ValidationResult } from './standard/validate.js';
export {
  normalizeDocumento,
  normalizeText,
  normalizeProtocolo,
  type Change,
  type ChangeKind,
  type NormalizeOptions,
  type Normalized,
} from './standard/normalize.js';
export {
  readListaDocumentos,
  type DocumentoRecord,
  type IgnoredElement,
  type ListProblem,
  type ReadEvent,
  type ReadOptions,
  type ReadSource,
} from './standard/reader.js';
export { documentoXml, escapeXmlText, listaDocumentosXml, ListaDocumentosWriter, writeListaDocumentos, type WriteOptions } from './standard/writer.js';
export { validateLista, type ValidateListaOptions, type ValidatedDocumento, type ValidatedEvent } from './standard/validate-stream.js';
export { XsdPool, type XsdValidatorService } from './standard/xsd-pool.js';
export { isValidNup, nupCheckDigits, formatNup } from './standard/nup.js';
export { isValidCpf, maskCpfsInName } from './standard/cpf.js';

// --- the PI web service ---
export { PiClient, type ResultadoDocumento } from './pi/client.js';
export { createPiClient, type PiConnection, type PiConnectionSettings } from './pi/connect.js';
export { classifyResultado, type Classified } from './pi/results.js';
export { PI_ENDPOINTS, PI_NAMESPACE, resolveEndpoint } from './pi/service.js';

// --- the Novo SIAFI integrarSistemaSPUNet service ---
export { createSiafiSender, SiafiSender, type SiafiSenderConfig, type SiafiSendOptions, type SiafiSendResult } from './library/siafi-sender.js';
export {
  createSiafiClient,
  SiafiClient,
  normalizeCpf,
  type SiafiCallOptions,
  type SiafiConnection,
  type SiafiConnectionSettings,
  type PreparedRequisicao,
} from './siafi/client.js';
export { SPUNET_NAMESPACE, siafiEndpoint, currentYear, type SiafiEnvironment } from './siafi/endpoint.js';
export {
  OPERATIONS as SIAFI_OPERATIONS,
  findOperation as findSiafiOperation,
  type OperationInfo as SiafiOperationInfo,
  type RequisicaoShape,
} from './siafi/operations.js';
export { DEFAULT_RETRY_DELAYS, type Effect, type RequisicaoRepetida, type Resultado, type RetryDelays, type SiafiOutcome } from './siafi/outcome.js';
export { EWS_CODES, ewsEffect, type EwsCode, type EwsEffect } from './siafi/ews.js';
export { checkRequisicao, requisicaoProblems, SIAFI_PROBLEM_CODES, SiafiValidationError, type SiafiProblem, type SiafiProblemCode } from './siafi/validate.js';
export type * from './siafi/types.js';
export { SiafiStore, UNSETTLED_STATES, type RequisicaoRecord, type RequisicaoState } from './store/siafi-store.js';

// --- language of messages (codes never change with it) ---
export { LANGUAGES, currentLanguage, parseLanguage, setLanguage, type Language } from './i18n/language.js';

// --- errors ---
export { PiSenderError, isPiSenderError, type ErrorCode, type ErrorContext } from './errors.js';
export { AuthError, EndpointError, ProxyError, SoapFaultError, SoapResponseError, TlsError, TransportError } from './soap/errors.js';

// --- a local PI for your tests ---
export {
  startPiSimulator,
  startPiSimulator as startSimulator,
  type PiSimulator,
  type PiSimulatorOptions,
  type PiSimulatorStats,
} from './simulator/pi-simulator.js';
export type { FaultOptions, Behaviour } from './simulator/faults.js';
export {
  startSiafiSimulator,
  parseSiafiScript,
  type SiafiSimulator,
  type SiafiSimulatorOptions,
  type SiafiBehaviour,
  type SiafiOperator,
  type SimulatedRequisicao,
} from './simulator/siafi-simulator.js';
