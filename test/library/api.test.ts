import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import * as api from '../../src/index.js';

describe('the public API (src/index.ts)', () => {
  it('exported what an SPE needs', () => {
    for (const name of [
      'createSender',
      'Sender',
      'InvalidDocumentoError',
      'PiClient',
      'createPiClient',
      'validateDocumento',
      'normalizeDocumento',
      'readListaDocumentos',
      'writeListaDocumentos',
      'startSimulator',
      'PiSenderError',
      'AuthError',
      'TlsError',
      'TransportError',
      'ProxyError',
      'SoapFaultError',
      'SoapResponseError',
      'createSiafiSender',
      'SiafiClient',
      'startSiafiSimulator',
      'SiafiValidationError',
    ]) {
      expect(api, name).toHaveProperty(name);
    }
  });

  it('documents every export with TSDoc', () => {
    const file = new URL('../../src/index.ts', import.meta.url).pathname;
    const program = ts.createProgram([file], {
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
      strict: true,
    });
    const checker = program.getTypeChecker();
    const exported = checker.getExportsOfModule(checker.getSymbolAtLocation(program.getSourceFile(file)!)!);
    expect(exported.length).toBeGreaterThan(60);
    const undocumented = exported.filter((e) => {
      const sym = e.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(e) : e;
      return ts.displayPartsToString(sym.getDocumentationComment(checker)).trim() === '';
    });
    expect(undocumented.map((e) => e.name)).toEqual([]);
  });
});
