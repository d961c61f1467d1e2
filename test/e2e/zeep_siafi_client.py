"""Calls the pi-sender SIAFI simulator with python-zeep, an independent SOAP stack: loads the WSDL over
mutual TLS, sends every operation with a UsernameToken and cabecalhoSIAFI, and prints what came back
(the output header is outside the WSDL, so it is read from the raw answer) as JSON."""
import json
import sys

from lxml import etree
from requests import Session
from zeep import Client
from zeep.exceptions import Fault
from zeep.plugins import HistoryPlugin
from zeep.transports import Transport
from zeep.wsse.username import UsernameToken

wsdl, ca, cert, key, cpf, password, requisicoes_file = sys.argv[1:8]
requisicoes = json.load(open(requisicoes_file, encoding="utf-8"))

session = Session()
session.verify = ca
# requests lets REQUESTS_CA_BUNDLE / CURL_CA_BUNDLE override verify; this test trusts its own CA only.
session.trust_env = False
session.cert = (cert, key)
history = HistoryPlugin()
client = Client(wsdl, transport=Transport(session=session), wsse=UsernameToken(cpf, password), plugins=[history])
client.set_ns_prefix("ns0", "http://www.tesouro.gov.br/siafi/services/integra/integrarSistemaSPUNet")

results = []
for i, (operation, parameter_name, value) in enumerate(requisicoes):
    header = {"cabecalhoSIAFI": {"ug": 170001, "bilhetador": {"nonce": f"zeep-{i}"}}}
    try:
        answer = getattr(client.service, operation)(**{parameter_name: value}, _soapheaders=header)
        fault = None
    except Fault as f:
        answer = None
        fault = f.message
    received = history.last_received["envelope"]
    resultado = received.xpath("//*[local-name()='efetivacaoOperacao']/resultado/text()")
    results.append({
        "operation": operation,
        "resultado": resultado[0] if resultado else None,
        "numRequisicaoSPU": answer.numRequisicaoSPU if answer is not None else None,
        "fault": fault,
    })

sent = etree.tostring(history.last_sent["envelope"], encoding="unicode")
bad = Client(wsdl, transport=Transport(session=session), wsse=UsernameToken(cpf, "errada"))
try:
    bad.service.estornarSPURequisicao(spuEstornoRequisicao=requisicoes[-1][2], _soapheaders={"cabecalhoSIAFI": {"ug": 170001, "bilhetador": {"nonce": "zeep-bad"}}})
    refused = None
except Fault as f:
    refused = f.code

print(json.dumps({"results": results, "sent": sent, "refused": refused}, ensure_ascii=False))
