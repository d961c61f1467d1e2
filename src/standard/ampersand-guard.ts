/**
 * Finds bare ampersands ("Silva & Filhos") before saxes sees them. saxes reads a bare `&` as the start
 * of an entity name and swallows the rest of the file looking for `;`; an unescaped `&` is the most
 * common error in hand-made XML, so it must cost one Documento, not the file.
 *
 * Each bare `&` (in text or in an attribute value) is replaced by U+FFFD, one UTF-16 unit, so every
 * offset stays the same, and its offset is returned. Comments, CDATA sections and processing
 * instructions may hold a raw `&` and are left alone. The few characters that cannot be judged yet at
 * the end of a chunk are held back until the next one.
 */

/** A reference XML allows without a DTD: the five predefined entities and character references. */
const VALID_REFERENCE = /&(?:amp|lt|gt|quot|apos|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});/y;
/** Longest valid reference: `&#x10FFFF;` (and `&#1114111;`). */
const LONGEST_REFERENCE = 10;
/** In markup and text, only these matter: an ampersand, or the start of a comment, CDATA or PI. */
const SIGNIFICANT = /&|<[!?]/g;
const OPENERS: Array<[string, State]> = [
  ['<!--', 'comment'],
  ['<![CDATA[', 'cdata'],
  ['<?', 'pi'],
];
const LONGEST_OPENER = '<![CDATA['.length;

type State = 'text' | 'comment' | 'cdata' | 'pi';

const TERMINATOR: Record<Exclude<State, 'text'>, string> = { comment: '-->', cdata: ']]>', pi: '?>' };

export interface GuardedChunk {
  /** Text ready for the parser (may end earlier than the input: the rest is held back). */
  text: string;
  /** Offsets in `text` of bare ampersands (replaced by U+FFFD). */
  bare: number[];
}

export class AmpersandGuard {
  private state: State = 'text';
  private held = '';

  /** `end` says no more text follows: nothing is held back. */
  push(chunk: string, end = false): GuardedChunk {
    const text = this.held + chunk;
    this.held = '';
    const n = text.length;
    // Text that may begin an opener not yet complete ("<![CDA") waits for the next chunk.
    let stop = end ? n : this.safeEnd(text);
    const bare: number[] = [];
    const parts: string[] = [];
    let copied = 0;
    let i = 0;
    while (i < stop) {
      if (this.state !== 'text') {
        const terminator = TERMINATOR[this.state];
        const at = text.indexOf(terminator, i);
        if (at === -1) {
          // The terminator may be split across chunks: hold back what could be its beginning.
          if (!end) stop = Math.max(i, n - (terminator.length - 1));
          break;
        }
        this.state = 'text';
        i = at + terminator.length;
        continue;
      }
      SIGNIFICANT.lastIndex = i;
      const m = SIGNIFICANT.exec(text);
      if (!m || m.index >= stop) break;
      const at = m.index;
      if (text[at] === '&') {
        if (!end && n - at < LONGEST_REFERENCE && text.indexOf(';', at) === -1) {
          stop = at;
          break;
        }
        VALID_REFERENCE.lastIndex = at;
        if (!VALID_REFERENCE.test(text)) {
          parts.push(text.slice(copied, at), '\ufffd');
          copied = at + 1;
          bare.push(at);
        }
        i = at + 1;
        continue;
      }
      const opener = OPENERS.find(([o]) => text.startsWith(o, at));
      if (opener) {
        this.state = opener[1];
        i = at + opener[0].length;
      } else {
        i = at + 2; // `<!DOCTYPE` and the like: saxes deals with them
      }
    }
    this.held = text.slice(stop);
    parts.push(text.slice(copied, stop));
    return { text: parts.join(''), bare };
  }

  /** End of the text that can be judged now: before a trailing `<` that may start an opener. */
  private safeEnd(text: string): number {
    const lt = text.lastIndexOf('<');
    if (lt === -1 || lt < text.length - (LONGEST_OPENER - 1)) return text.length;
    const tail = text.slice(lt);
    return OPENERS.some(([o]) => o.startsWith(tail)) ? lt : text.length;
  }
}
