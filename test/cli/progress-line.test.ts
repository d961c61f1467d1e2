import { describe, expect, it } from 'vitest';
import { duration, ProgressLine } from '../../src/cli/progress-line.js';

/** A terminal that records what is written, and replays it as a screen would show its last lines. */
function terminal(): { stream: NodeJS.WriteStream; raw: () => string; screen: () => string[] } {
  let raw = '';
  const stream = { columns: 80, write: (s: string) => ((raw += s), true) } as unknown as NodeJS.WriteStream;
  const screen = (): string[] => {
    const lines: string[] = [''];
    // eslint-disable-next-line no-control-regex -- the escape sequences are what is looked at
    for (const part of raw.split(/(\r\u001b\[2K|\n)/)) {
      if (part === '\r\u001b[2K') lines[lines.length - 1] = '';
      else if (part === '\n') lines.push('');
      else lines[lines.length - 1] += part;
    }
    return lines;
  };
  return { stream, raw: () => raw, screen };
}

describe('the progress line of a terminal', () => {
  it('keeps log lines above it and leaves the terminal clean', () => {
    const t = terminal();
    const p = new ProgressLine(t.stream, 0);
    p.update('sending: 10/100 packages');
    p.write('WARN: retrying after: HTTP 503\n');
    p.update('sending: 20/100 packages');
    expect(t.screen()).toEqual(['WARN: retrying after: HTTP 503', 'sending: 20/100 packages']);
    p.done();
    expect(t.screen()).toEqual(['WARN: retrying after: HTTP 503', '']);
    p.write('summary\n');
    expect(t.screen()).toEqual(['WARN: retrying after: HTTP 503', 'summary', '']);
    // eslint-disable-next-line no-control-regex -- no cursor save/restore around the summary
    expect(t.raw()).not.toMatch(/\u001b7|\u001b8|\u001b\[s|\u001b\[u/);
  });

  it('redraws at most every interval, and durations read like people write them', () => {
    const t = terminal();
    const p = new ProgressLine(t.stream, 60_000);
    p.update('a');
    p.update('b');
    expect(t.screen()).toEqual(['a']);
    expect([duration(42), duration(185), duration(3720)]).toEqual(['42 s', '3 min 05 s', '1 h 02 min']);
  });
});
