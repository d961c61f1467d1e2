import { describe, expect, it } from 'vitest';
import { buildEnvelope, EnvelopeError, parseEnvelope } from '../../src/soap/envelope.js';

const wrap = (body: string): string => `<S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/"><S:Body>${body}</S:Body></S:Envelope>`;

describe('SOAP 1.1 envelopes', () => {
  it('builds an envelope around a body', () => {
    expect(buildEnvelope('<a:op xmlns:a="urn:a"/>')).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Header></soapenv:Header><soapenv:Body><a:op xmlns:a="urn:a"/></soapenv:Body></soapenv:Envelope>',
    );
  });

  it('parses a body without turning text into numbers, any prefix', () => {
    const r = parseEnvelope(wrap('<ns2:resp xmlns:ns2="urn:x"><cpf>01234567890</cpf><n>100</n><t>a &amp; b</t></ns2:resp>'));
    expect(r).toEqual({ kind: 'body', header: undefined, body: { resp: { cpf: '01234567890', n: '100', t: 'a & b' } } });
  });

  it('parses a fault with its detail', () => {
    const r = parseEnvelope(
      wrap(
        '<S:Fault><faultcode>S:Server</faultcode><faultstring>falhou</faultstring><detail><ns2:NegocioFault xmlns:ns2="urn:x"><mensagemFault>senha</mensagemFault></ns2:NegocioFault></detail></S:Fault>',
      ),
    );
    expect(r).toEqual({ kind: 'fault', fault: { faultcode: 'S:Server', faultstring: 'falhou', detail: { NegocioFault: { mensagemFault: 'senha' } } } });
  });

  it('keeps repeated elements as arrays when asked, even when there is one', () => {
    const r = parseEnvelope(wrap('<resp><R><x>1</x></R></resp>'), new Set(['R']));
    expect(r.kind === 'body' && r.body['resp']).toEqual({ R: [{ x: '1' }] });
  });

  it('refuses truncated XML, a DOCTYPE, and XML that is not an envelope', () => {
    expect(() => parseEnvelope(wrap('<resp>').slice(0, -10))).toThrow(EnvelopeError);
    expect(() => parseEnvelope('<!DOCTYPE x [<!ENTITY a "b">]>' + wrap('<r>&a;</r>'))).toThrow(/DOCTYPE/);
    expect(() => parseEnvelope('<html><body>erro</body></html>')).toThrow(/not a SOAP envelope/);
    expect(() => parseEnvelope('<S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/"/>')).toThrow(/no Body/);
  });
});
