"""Calls the pi-sender PI simulator with python-zeep, an independent SOAP stack: loads the WSDL,
calls both operations with HTTP Basic, prints the answers as JSON."""
import json
import sys

from requests import Session
from requests.auth import HTTPBasicAuth
from zeep import Client
from zeep.exceptions import Fault
from zeep.transports import Transport

wsdl, user, password = sys.argv[1:4]
session = Session()
session.auth = HTTPBasicAuth(user, password)
client = Client(wsdl, transport=Transport(session=session))

documento = {
    "Protocolo": "99991000007202530",
    "DataHoraProducao": "2025-03-10T00:00:00-03:00",
    "Especie": "Processo",
    "Assunto": "Pedido de certidão",
    "ListaProtocolosRelacionados": {"ProtocoloRelacionado": ["99991000003202551"]},
    "ListaInteressados": {"Interessado": [{"NomeInteressado": "Maria Exemplo"}]},
    "Historico": {"ItemHistorico": [{
        "DataHoraOperacao": "2025-03-10T09:15:02-03:00",
        "UnidadeOperacao": "Divisão de Protocolo",
        "Operacao": "Processo público gerado",
    }]},
}
invalido = dict(documento, Protocolo="99991000007202531")

maximo = client.service.getQuantidadeMaximaDocumentosPorRequisicao()
resultados = client.service.enviarListaDocumentos(ListaDocumentos={"Documento": [documento, invalido]})

bad = Client(wsdl)  # no credentials
bad.transport.session.auth = HTTPBasicAuth(user, "errada")
try:
    bad.service.getQuantidadeMaximaDocumentosPorRequisicao()
    fault = None
except Fault as f:
    fault = {"message": f.message, "mensagemFault": f.detail.findtext(".//mensagemFault") if f.detail is not None else None}

print(json.dumps({
    "max": maximo,
    "results": [{"Protocolo": r.Protocolo, "Resultado": r.Resultado} for r in resultados],
    "fault": fault,
}, ensure_ascii=False))
