import { afterEach, describe, expect, it } from 'vitest';
import { PiSenderError } from '../src/errors.js';
import { clearSecrets, redact, registerSecret, registerUrlCredentials } from '../src/redact.js';
import { proxyWithCredentials } from '../src/secrets.js';
import { maskCpf } from '../src/standard/cpf.js';

afterEach(() => clearSecrets());

describe('redaction of registered secrets', () => {
  it('replaces a secret in every form a server may echo it', () => {
    registerSecret('s3nh@ & "x"');
    const forms = [
      's3nh@ & "x"',
      encodeURIComponent('s3nh@ & "x"'),
      's3nh%40+%26+%22x%22',
      Buffer.from('s3nh@ & "x"').toString('base64'),
      's3nh@ &amp; &quot;x&quot;',
      's3nh@ & \\"x\\"',
    ];
    for (const f of forms) expect(redact(`antes ${f} depois`)).toBe('antes *** depois');
  });

  it('leaves texts alone when nothing matches, and ignores secrets too short to redact safely', () => {
    registerSecret('abc');
    expect(redact('abc abc')).toBe('abc abc');
    registerSecret('longer-secret');
    expect(redact('nothing here')).toBe('nothing here');
  });

  it('masks the SIAFI operator CPF instead of hiding it', () => {
    registerSecret('12345678909', maskCpf('12345678909'));
    expect(redact('usuario 12345678909 recusado')).toBe(`usuario ${maskCpf('12345678909')} recusado`);
  });

  it('redacts URL credentials and PiSenderError messages', () => {
    registerUrlCredentials('http://agente:p%40ss-word@proxy:3128');
    expect(redact('proxy said p@ss-word')).toBe('proxy said ***');
    expect(new PiSenderError('ERR_TRANSPORT', 'echo: agente:p@ss-word').message).toBe('echo: ***');
  });

  it('refuses credentials in a proxy URL and names the setting', () => {
    expect(() => proxyWithCredentials('http://u:p@proxy:3128', undefined, 'pi.proxy')).toThrow(/pi\.proxy must not carry a user or password/);
    expect(proxyWithCredentials('http://proxy:3128', undefined, '--proxy')).toBe('http://proxy:3128');
    expect(() => proxyWithCredentials(undefined, '/nonexistent', '--proxy')).toThrow(/needs a proxy/);
  });
});
