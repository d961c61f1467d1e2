/**
 * The Protocolo Integrado data standard (padrão de dados v2.0) as TypeScript types. Element names are
 * spelled as the standard spells them; the nesting mirrors the XML so that a Documento maps 1:1 to its
 * `<Documento>` element. Order and cardinality follow docs/data-standard.md (reference §2.2).
 */

/** A list with at least one element: the standard's `1..n`. */
export type OneOrMore<T> = [T, ...T[]];

/** `ListaDocumentos`: the payload of one `enviarListaDocumentos` call or one XML file. */
export interface ListaDocumentos {
  Documento: OneOrMore<Documento>;
}

/** `Documento`: one process (or documento avulso) with the movements being reported. */
export interface Documento {
  /** Protocol number, digits only: 13, 14, 15, 17 (NUP) or 21 digits. */
  Protocolo: string;
  /** `xs:dateTime` with an explicit offset, e.g. `2025-03-10T00:00:00-03:00`. */
  DataHoraProducao: string;
  /** Species, e.g. `Processo` (what the SEI module always sends) or `Ofício` for a documento avulso. */
  Especie: string;
  /** Subject: free text, one line. */
  Assunto: string;
  /**
   * Not part of the standard as the SEI module sends it: seen only in commented-out SEI 1.1.2 code.
   * Accepted by the lenient profile only; the strict profile (default) refuses it.
   */
  IdentificacaoDocumento?: string;
  /** Related protocols (relacionado, sobrestado, anexado); omitted when there are none. */
  ListaProtocolosRelacionados?: ListaProtocolosRelacionados;
  /** Interessados; omitted when there are none. */
  ListaInteressados?: ListaInteressados;
  /** The movements being reported (at least one). */
  Historico: Historico;
}

/** `ListaProtocolosRelacionados`: the related protocols (relacionado, sobrestado, anexado). */
export interface ListaProtocolosRelacionados {
  ProtocoloRelacionado: OneOrMore<string>;
}

/** `ListaInteressados`: the interessados of the Documento. */
export interface ListaInteressados {
  Interessado: OneOrMore<Interessado>;
}

/**
 * `Interessado`: one interessado. The XML standard knows only the name; `cpf` and `natureza` exist
 * only in the REST API's payload (reference §1.7): the XML never carries them, and the REST transport
 * sends them only when `pi.sendCpf` is on (docs/rest.md).
 */
export interface Interessado {
  /** Name, at most 150 characters, CPFs masked. */
  NomeInteressado: string;
  /** The interessado's CPF: 11 digits (zero-padded), check digits valid. Personal data: see docs/rest.md. */
  cpf?: string;
  /** The interessado's nature as the REST API carries it ([?] probably `F` or `J`, as SEI's contacts). */
  natureza?: string;
}

/** What an interessado has beyond its name: the REST API's `cpf` and `natureza`. */
export type InteressadoExtra = Pick<Interessado, 'cpf' | 'natureza'>;

/** `Historico`: the movements being reported. */
export interface Historico {
  ItemHistorico: OneOrMore<ItemHistorico>;
}

/** `ItemHistorico`: one movement: when, in which unit, what happened. */
export interface ItemHistorico {
  /** `xs:dateTime` with an explicit offset. */
  DataHoraOperacao: string;
  /** Unit hierarchy, at most 300 characters; may be empty when the operation has no unit. */
  UnidadeOperacao: string;
  /** What happened, free text, one line. */
  Operacao: string;
}

/**
 * A Documento as read from a file or received from a caller, before it is known to be valid: any
 * element may be missing. {@link validateDocumento} tells whether it is a {@link Documento}.
 */
export interface DocumentoDraft {
  Protocolo?: string;
  DataHoraProducao?: string;
  Especie?: string;
  Assunto?: string;
  IdentificacaoDocumento?: string;
  ListaProtocolosRelacionados?: { ProtocoloRelacionado?: string[] };
  ListaInteressados?: { Interessado?: Array<{ NomeInteressado?: string; cpf?: string; natureza?: string }> };
  Historico?: { ItemHistorico?: Array<Partial<ItemHistorico>> };
}

/** Validation profile: `strict` enforces the constraints the reference marks unknown, `lenient` relaxes them. */
export type Profile = 'strict' | 'lenient';
export const PROFILES: readonly Profile[] = ['strict', 'lenient'];

/** The simple (text) children of Documento, in emission order. */
export const DOCUMENTO_TEXT_FIELDS = ['Protocolo', 'DataHoraProducao', 'Especie', 'Assunto', 'IdentificacaoDocumento'] as const;

export const ITEM_HISTORICO_FIELDS = ['DataHoraOperacao', 'UnidadeOperacao', 'Operacao'] as const;

/** Documento's children in the order of the standard (the writer's order). */
export const DOCUMENTO_ORDER: readonly string[] = [...DOCUMENTO_TEXT_FIELDS, 'ListaProtocolosRelacionados', 'ListaInteressados', 'Historico'];

/** Every element name the standard (either profile) knows. */
export const STANDARD_ELEMENTS: ReadonlySet<string> = new Set([
  'ListaDocumentos',
  'Documento',
  ...DOCUMENTO_TEXT_FIELDS,
  'ListaProtocolosRelacionados',
  'ProtocoloRelacionado',
  'ListaInteressados',
  'Interessado',
  'NomeInteressado',
  'Historico',
  'ItemHistorico',
  ...ITEM_HISTORICO_FIELDS,
]);

/** Maximum lengths, in characters (Unicode code points), that the SEI module applies. */
export const MAX_NOME_INTERESSADO = 150;
export const MAX_UNIDADE_OPERACAO = 300;
/** [?] Especie limit of the strict profile, from an unofficial demo schema of the PI. */
export const MAX_ESPECIE_STRICT = 50;

/** Lengths the PI portal accepts for protocol numbers (13, 14, 15, 17 = NUP, 21). */
export const PROTOCOLO_LENGTHS: ReadonlySet<number> = new Set([13, 14, 15, 17, 21]);

/**
 * Largest Documento, in characters of XML, that pi-sender reads from a file or takes from the library
 * (8 Mi): far beyond any real process, small enough that a hostile input cannot fill memory.
 */
export const MAX_DOCUMENTO_LENGTH = 8 * 1024 * 1024;
