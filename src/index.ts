/**
 * pi-sender as a library: the Protocolo Integrado data standard (types, reading, writing, normalizing,
 * validating). Importing this module has no side effects.
 */

export { PiSenderError, isPiSenderError, type ErrorCode, type ErrorContext } from './errors.js';
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
export {
  readListaDocumentos,
  type DocumentoRecord,
  type ListProblem,
  type ReadEvent,
  type ReadOptions,
  type ReadSource,
} from './standard/reader.js';
export {
  documentoXml,
  escapeXmlText,
  listaDocumentosXml,
  ListaDocumentosWriter,
  writeListaDocumentos,
  type WriteOptions,
} from './standard/writer.js';
export { normalizeDocumento, normalizeText, type Change, type NormalizeOptions, type Normalized } from './standard/normalize.js';
export { validateDocumento, type ValidateOptions, type ValidationResult } from './standard/validate.js';
export { validateLista, type ValidateListaOptions, type ValidatedDocumento, type ValidatedEvent } from './standard/validate-stream.js';
export { XsdPool, type XsdValidatorService } from './standard/xsd-pool.js';
export { isValidNup, nupCheckDigits, formatNup } from './standard/nup.js';
export { isValidCpf, maskCpfsInName } from './standard/cpf.js';
export { startPiSimulator, type PiSimulator, type PiSimulatorOptions, type PiSimulatorStats } from './simulator/pi-simulator.js';
export type { FaultOptions } from './simulator/faults.js';
