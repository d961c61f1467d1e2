import { describe, expect, it } from 'vitest';
import { AmpersandGuard } from '../../src/standard/ampersand-guard.js';

/** Feeds `text` in pieces of `size` and joins the output. */
function guard(text: string, size = text.length): { text: string; bare: number[] } {
  const g = new AmpersandGuard();
  let out = '';
  const bare: number[] = [];
  for (let i = 0; i < text.length; i += size) {
    const r = g.push(text.slice(i, i + size));
    bare.push(...r.bare.map((b) => b + out.length));
    out += r.text;
  }
  const r = g.push('', true);
  bare.push(...r.bare.map((b) => b + out.length));
  out += r.text;
  return { text: out, bare };
}

describe('AmpersandGuard', () => {
  const cases: Array<[string, string, number[]]> = [
    ['<a>Silva & Filhos</a>', '<a>Silva \ufffd Filhos</a>', [9]],
    ['<a>P&D &amp; &lt;&gt;&quot;&apos; &#233; &#xE9;</a>', '<a>P\ufffdD &amp; &lt;&gt;&quot;&apos; &#233; &#xE9;</a>', [4]],
    ['<a>&nbsp;</a>', '<a>\ufffdnbsp;</a>', [3]],
    ['<a><![CDATA[a & b]]></a>', '<a><![CDATA[a & b]]></a>', []],
    ['<!-- R&D --><a/>', '<!-- R&D --><a/>', []],
    ['<?pi a&b?><a/>', '<?pi a&b?><a/>', []],
    ['<a x="1 & 2" y=\'&amp;\'>&</a>', '<a x="1 \ufffd 2" y=\'&amp;\'>\ufffd</a>', [8, 23]],
    ['<a>fim &', '<a>fim \ufffd', [7]],
  ];
  it.each(cases)('%s', (input, output, bare) => {
    for (const size of [1, 2, 3, 5, 64]) {
      expect(guard(input, size)).toEqual({ text: output, bare });
    }
  });

  it('keeps the length of the text, so offsets do not move', () => {
    const input = '<a>'.concat('x & y '.repeat(1000), '</a>');
    expect(guard(input, 7).text.length).toBe(input.length);
  });
});
