// From CommonJS: pi-sender is an ES module, loaded with a dynamic import().
async function main() {
  const { validateDocumento, normalizeDocumento } = await import('pi-sender');
  const { documento, changes } = normalizeDocumento({
    Protocolo: '99991.000007/2025-30',
    DataHoraProducao: '2025-03-10T00:00:00-03:00',
    Especie: 'Processo',
    Assunto: 'Pedido\nde certidão',
    Historico: { ItemHistorico: [{ DataHoraOperacao: '2025-03-10T09:15:02-03:00', UnidadeOperacao: 'DIPRO', Operacao: 'Processo público gerado' }] },
  });
  const result = validateDocumento(documento);
  console.log(`valid: ${result.valid}; normalized: ${changes.map((c) => `${c.field} ${c.kind}`).join(', ')}`);
}
main().catch((err) => {
  console.error(err);
  process.exit(1);
});
