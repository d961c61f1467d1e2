/**
 * The SOAP pieces of an integrarSistemaSPUNet call: the operation wrapper (in the service namespace,
 * children unqualified, absent optional values left out: SIAFI refuses empty elements) and the
 * cabecalhoSIAFI header.
 */

import { escapeXml } from '../soap/envelope.js';
import type { CanonicalNode, CabecalhoSIAFI, CheckedRequisicao } from './validate.js';

function node(n: CanonicalNode): string {
  return 'text' in n ? `<${n.name}>${escapeXml(n.text)}</${n.name}>` : `<${n.name}>${n.children.map(node).join('')}</${n.name}>`;
}

/** The Body element of an operation: `<ns0:op xmlns:ns0="tns"><param>…</param></ns0:op>`. */
export function operationXml(checked: CheckedRequisicao, namespace: string, parameterName = checked.node.name): string {
  const op = checked.operation.name;
  return `<ns0:${op} xmlns:ns0="${escapeXml(namespace)}">${node({ name: parameterName, children: checked.node.children })}</ns0:${op}>`;
}

/** The cabecalhoSIAFI header block. */
export function cabecalhoXml(c: CabecalhoSIAFI, namespace: string): string {
  const nome = c.nomeSistemaSIAFI !== undefined ? `<nomeSistemaSIAFI>${escapeXml(c.nomeSistemaSIAFI)}</nomeSistemaSIAFI>` : '';
  return `<ns0:cabecalhoSIAFI xmlns:ns0="${escapeXml(namespace)}">${nome}<ug>${escapeXml(c.ug)}</ug><bilhetador><nonce>${escapeXml(c.nonce)}</nonce></bilhetador></ns0:cabecalhoSIAFI>`;
}
