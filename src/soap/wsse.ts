/**
 * WS-Security 1.0 UsernameToken header, in the minimal form services such as the Novo SIAFI accept:
 * Username and a PasswordText Password, with no Nonce, Created, Timestamp or mustUnderstand (strict
 * WSS4J configurations refuse what they were not told to expect). The header is built for one call
 * and never logged.
 */

import { escapeXml } from './envelope.js';

export const WSSE_NS = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd';
export const PASSWORD_TEXT = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText';

/** A `wsse:Security` block with a UsernameToken (PasswordText). */
export function usernameTokenHeader(username: string, password: string): string {
  return (
    `<wsse:Security xmlns:wsse="${WSSE_NS}">` +
    `<wsse:UsernameToken>` +
    `<wsse:Username>${escapeXml(username)}</wsse:Username>` +
    `<wsse:Password Type="${PASSWORD_TEXT}">${escapeXml(password)}</wsse:Password>` +
    `</wsse:UsernameToken>` +
    `</wsse:Security>`
  );
}
