/**
 * The Documento's XML as the console shows it: indented, every character escaped, tags and text in
 * spans the style sheet colours (no script needed).
 */

import { escapeHtml } from '../report/formats.js';

/** Highlights XML that pi-sender wrote (one element per line after indenting). */
export function highlightXml(xml: string): string {
  return xml
    .split('\n')
    .map((line) =>
      // Anything the three forms do not take (a stray '<') is escaped alone: nothing passes raw.
      line.replace(/(<\?[^>]*\?>)|(<\/?[A-Za-z][\w:.-]*\s*\/?>)|([^<]+)|([\s\S])/g, (other, decl?: string, tag?: string, text?: string) =>
        decl
          ? `<span class="x-decl">${escapeHtml(decl)}</span>`
          : tag
            ? `<span class="x-tag">${escapeHtml(tag)}</span>`
            : text
              ? `<span class="x-text">${escapeHtml(text)}</span>`
              : escapeHtml(other),
      ),
    )
    .join('\n');
}
