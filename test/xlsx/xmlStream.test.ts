// The streaming tokenizer (src/xlsx/xml.ts) reports the same events however the text is cut into chunks: a cell's
// value, text with entities, comments and CDATA inside a value, an end tag with a space, tokens longer than a chunk.

import { XmlError, XmlStream, type XmlAttributes, type XmlSink } from '../../src/xlsx/xml';

function events(chunks: string[]): string[] {
  const out: string[] = [];
  const sink: XmlSink = {
    wantText: true,
    open(name: string, a: XmlAttributes, selfClosing: boolean) {
      const attrs = Array.from({ length: a.n }, (_, i) => a.src.slice(a.nameStart[i], a.nameEnd[i]))
        .map((n) => `${n}=${a.get(n)}`)
        .join(',');
      out.push(`<${name}${attrs ? ` ${attrs}` : ''}${selfClosing ? '/' : ''}>`);
    },
    close(name: string) {
      out.push(`</${name}>`);
    },
    text(s: string) {
      // Text may come in pieces across chunks: joined here, as the sinks join it.
      if (out.length && out[out.length - 1].startsWith('"'))
        out[out.length - 1] = `${out[out.length - 1].slice(0, -1)}${s}"`;
      else out.push(`"${s}"`);
    },
  };
  const x = new XmlStream(sink);
  for (const c of chunks) x.write(c);
  x.end();
  return out;
}

const SHEET =
  '<?xml version="1.0"?>\r\n<x:worksheet xmlns:x="urn:x"><x:sheetData><x:row r="2">' +
  '<x:c r="A2" t="s"><x:v>12</x:v></x:c>' +
  '<x:c r="B2" t="inlineStr"><x:is><x:t xml:space="preserve"> A &amp; B\r\nC </x:t></x:is></x:c>' +
  '<x:c r="C2"><x:v>4<!-- note -->5</x:v></x:c>' +
  '<x:c r="D2" t="str"><x:v><![CDATA[<raw>]]></x:v></x:c>' +
  '<x:c r="E2"><x:v>7</x:v ></x:c>' +
  '<x:c r="F2" t="inlineStr"><x:is><x:t></x:t></x:is></x:c>' +
  '<x:c r="G2"/></x:row></x:sheetData></x:worksheet>';

const EXPECTED = [
  '<worksheet>',
  '<sheetData>',
  '<row r=2>',
  '<c r=A2,t=s>',
  '<v>',
  '"12"',
  '</v>',
  '</c>',
  '<c r=B2,t=inlineStr>',
  '<is>',
  '<t space=preserve>',
  '" A & B\nC "',
  '</t>',
  '</is>',
  '</c>',
  '<c r=C2>',
  '<v>',
  '"45"',
  '</v>',
  '</c>',
  '<c r=D2,t=str>',
  '<v>',
  '"<raw>"',
  '</v>',
  '</c>',
  '<c r=E2>',
  '<v>',
  '"7"',
  '</v>',
  '</c>',
  '<c r=F2,t=inlineStr>',
  '<is>',
  '<t>',
  '</t>',
  '</is>',
  '</c>',
  '<c r=G2/>',
  '</c>',
  '</row>',
  '</sheetData>',
  '</worksheet>',
];

describe('XmlStream', () => {
  it('reports values, comments inside them, CDATA, an end tag with a space and empty elements as written', () => {
    expect(events([SHEET])).toEqual(EXPECTED);
  });

  it('reports the same events when the text arrives a character at a time or cut at every place', () => {
    expect(events(SHEET.split(''))).toEqual(EXPECTED);
    for (let cut = 1; cut < SHEET.length; cut++)
      expect(events([SHEET.slice(0, cut), SHEET.slice(cut)])).toEqual(EXPECTED);
  });

  it('reports the same events for a long sheet however it is cut into chunks, long tokens across the cuts too', () => {
    const cell = (i: number): string =>
      i % 97 === 0
        ? `<c r="A${i}" t="inlineStr"><is><t>${'long text '.repeat(300)}${i}</t></is></c>`
        : `<c r="A${i}" s="${i % 7}"${i % 3 ? ' t="s"' : ''}><v>${i}</v></c><c r="B${i}"><v>${i}.5</v></c>`;
    const rows = Array.from({ length: 3000 }, (_, i) => `<row r="${i + 1}">${cell(i + 1)}</row>`).join('');
    const xml = `<worksheet xmlns="urn:x"><sheetData>${rows}</sheetData><extra a="${'x'.repeat(5000)}"/></worksheet>`;
    const whole = events([xml]);
    expect(whole.length).toBeGreaterThan(30000);
    for (const size of [1000, 2049, 2500, 4097, 32768]) {
      const chunks: string[] = [];
      for (let i = 0; i < xml.length; i += size) chunks.push(xml.slice(i, i + size));
      expect(events(chunks)).toEqual(whole);
    }
    // Uneven chunks, as a decoder hands them over.
    let seed = 7;
    const chunks: string[] = [];
    for (let i = 0; i < xml.length;) {
      seed = (seed * 48271) % 2147483647;
      const size = 1 + (seed % 9000);
      chunks.push(xml.slice(i, i + size));
      i += size;
    }
    expect(events(chunks)).toEqual(whole);
  });

  it('refuses an element closed by another element’s end tag', () => {
    expect(() => events(['<a><b>x</c></a>'])).toThrow(XmlError);
    expect(() => events(['<a><b>x</bb></a>'])).toThrow(XmlError);
  });
});
