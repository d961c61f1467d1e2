// A PI that costs (almost) nothing: every enviarListaDocumentos gets one Ok! per Documento, answered
// from a cache, without parsing. Against it the send benchmark measures the client, not the simulator.
import http from 'node:http';

const NS = 'http://endpoint.ws.protocolo.gov.br/';
const envelope = (body) =>
  `<?xml version="1.0" encoding="UTF-8"?><S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/"><S:Body>${body}</S:Body></S:Envelope>`;
const maximum = envelope(
  `<ns2:getQuantidadeMaximaDocumentosPorRequisicaoResponse xmlns:ns2="${NS}"><NumeroMaximoDocumentos>100</NumeroMaximoDocumentos></ns2:getQuantidadeMaximaDocumentosPorRequisicaoResponse>`,
);
const answers = new Map();
const answer = (n) => {
  let a = answers.get(n);
  if (!a) {
    a = envelope(
      `<ns2:enviarListaDocumentosResponse xmlns:ns2="${NS}">${'<ResultadoDocumento><Resultado>Ok!</Resultado></ResultadoDocumento>'.repeat(n)}</ns2:enviarListaDocumentosResponse>`,
    );
    answers.set(n, a);
  }
  return a;
};

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks).toString('latin1');
    let n = 0;
    for (let at = body.indexOf('<Documento>'); at !== -1; at = body.indexOf('<Documento>', at + 11)) n++;
    res.setHeader('content-type', 'text/xml; charset=utf-8');
    res.end(n === 0 ? maximum : answer(n));
  });
});
server.keepAliveTimeout = 30_000;
server.listen(0, '127.0.0.1', () => process.stdout.write(`listening on http://127.0.0.1:${server.address().port}/ProtocoloWS/integradorService\n`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
