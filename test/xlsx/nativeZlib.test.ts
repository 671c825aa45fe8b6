// Node's zlib on the .xlsx path (the CLI's setNodeZlib): the same parts, the same refusals as fflate's chunked
// inflate; and the writer's zip copies every untouched entry as stored, whichever deflate writes the others.

import { unzipSync, zipSync } from 'fflate';
import { setNodeZlib } from '../../src/xlsx/nodeZlib';
import { applyEditsToPackage } from '../../src/xlsx/package/writer';
import { buildPackage } from '../hostile/packageWriter';
import { writeZip } from '../../src/xlsx/package/zipWrite';
import { openPackage, setNativeZlib } from '../../src/xlsx/zip';
import { thrown } from './thrown';

const enc = new TextEncoder();
const spaces = (n: number) => new Uint8Array(n).fill(32);

const bytes = zipSync({
  'a.xml': [enc.encode('<a>héllo</a>'), { level: 6 }],
  'stored.bin': [new Uint8Array([1, 2, 3]), { level: 0 }],
  'big.xml': [spaces(3 * 1024 * 1024), { level: 9 }],
});

/** The same call with fflate and with Node's zlib. */
function both<T>(f: () => T): [T, T] {
  setNativeZlib(null);
  const a = f();
  setNodeZlib();
  try {
    return [a, f()];
  } finally {
    setNativeZlib(null);
  }
}

describe('Node zlib read: same bytes and same refusals as the chunked inflate', () => {
  it('gives the same text and bytes', () => {
    const [a, b] = both(() => {
      const pkg = openPackage(bytes);
      return [pkg.text('a.xml'), pkg.bytes('big.xml').length, Array.from(pkg.bytes('stored.bin'))];
    });
    expect(b).toEqual(a);
    expect(a).toEqual(['<a>héllo</a>', 3 * 1024 * 1024, [1, 2, 3]]);
  });

  it('refuses past the part size (declared or inflated), the ratio and the total, as fflate does', () => {
    const lying = bytes.slice();
    const view = new DataView(lying.buffer);
    let p = view.getUint32(lying.length - 22 + 16, true);
    for (let k = 0; k < 3; k++) {
      const nameLen = view.getUint16(p + 28, true);
      if (new TextDecoder().decode(lying.subarray(p + 46, p + 46 + nameLen)) === 'big.xml')
        view.setUint32(p + 24, 10, true);
      p += 46 + nameLen + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
    }
    const cases: (() => unknown)[] = [
      () => openPackage(bytes, { maxPartBytes: 1024 * 1024 }, 'f.xlsx').bytes('big.xml'),
      () => openPackage(lying, { maxPartBytes: 1024 * 1024 }, 'f.xlsx').bytes('big.xml'),
      () => openPackage(lying, { maxRatio: 100, ratioGraceBytes: 1024 }, 'f.xlsx').bytes('big.xml'),
      () => {
        const pkg = openPackage(bytes, { maxTotalBytes: 4 * 1024 * 1024, maxRatio: 1e9 });
        pkg.bytes('big.xml');
        pkg.bytes('big.xml');
      },
    ];
    const codes = cases.map((f) => both(() => thrown(f)).map((e) => (e as { code: string }).code));
    expect(codes).toEqual([
      ['partTooLarge', 'partTooLarge'],
      ['partTooLarge', 'partTooLarge'],
      ['zipBomb', 'zipBomb'],
      ['partTooLarge', 'partTooLarge'],
    ]);
  });

  it('calls damaged deflate data a damaged file', () => {
    const broken = bytes.slice();
    const big = openPackage(broken).stored('big.xml');
    broken.fill(0xff, big.data.byteOffset, big.data.byteOffset + 64);
    const [a, b] = both(() => thrown(() => openPackage(broken).bytes('big.xml')));
    expect([a, b]).toMatchObject([{ code: 'corruptFile' }, { code: 'corruptFile' }]);
  });
});

describe('writeZip', () => {
  it('copies a stored entry byte for byte and deflates new content, with fflate or Node zlib alike', () => {
    const pkg = openPackage(bytes);
    const [a, b] = both(() =>
      writeZip([
        { stored: pkg.stored('big.xml') },
        { name: 'new/部件.xml', content: enc.encode('<x>新</x>') },
        { stored: pkg.stored('stored.bin') },
      ]),
    );
    for (const out of [a, b]) {
      const parts = unzipSync(out);
      expect(Object.keys(parts)).toEqual(['big.xml', 'new/部件.xml', 'stored.bin']);
      expect(new TextDecoder().decode(parts['new/部件.xml'])).toBe('<x>新</x>');
      expect(parts['big.xml'].length).toBe(3 * 1024 * 1024);
      const again = openPackage(out);
      expect(Buffer.from(again.stored('big.xml').data).equals(Buffer.from(pkg.stored('big.xml').data))).toBe(true);
      expect(again.stored('stored.bin')).toMatchObject({ method: 0, size: 3, crc32: pkg.stored('stored.bin').crc32 });
    }
  });
});

describe('activating a new sheet changes the old active sheet in its head only', () => {
  const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rows =
    '<x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>sheetData 单 &amp; x</x:t></x:is></x:c></x:row></x:sheetData>';
  // A comment naming <x:sheetData> before the root: that head cannot be read, so the whole text is edited.
  const sheet = (views: string, comment = '') =>
    `<?xml version="1.0" encoding="UTF-8"?>\n${comment}<x:worksheet xmlns:x="${NS}"><x:sheetViews>${views}</x:sheetViews>${rows}</x:worksheet>`;
  const spec = {
    name: 'New',
    cells: [{ row: 1, col: 1, value: 'n' }],
    merges: [],
    columnWidths: [10],
    pageSetup: {
      paperSize: 'A4' as const,
      orientation: 'portrait' as const,
      fitToWidth: 1 as const,
      printArea: 'A1:A1',
      printTitleRows: null,
      margins: { top: 0.75, bottom: 0.75, left: 0.5, right: 0.5 },
    },
  };

  it('drops tabSelected and keeps every other byte; a sheet not selected is not touched', async () => {
    for (const [zlib, comment] of [
      [false, ''],
      [true, ''],
      [true, '<!-- <x:sheetData> in a comment -->'],
    ] as const) {
      if (zlib) setNodeZlib();
      const selected = sheet('<x:sheetView tabSelected="1" zoomScale="90" workbookViewId="0"/>', comment);
      const input = buildPackage([{ name: 'Orders', xml: selected }]);
      const out = await applyEditsToPackage(input, [{ kind: 'addSheet', spec, activate: true }]);
      expect(openPackage(out.bytes).text('xl/worksheets/sheet1.xml')).toBe(selected.replace(' tabSelected="1"', ''));
      const plain = buildPackage([{ name: 'Orders', xml: sheet('<x:sheetView workbookViewId="0"/>') }]);
      const again = await applyEditsToPackage(plain, [{ kind: 'addSheet', spec, activate: true }]);
      expect(again.touched).not.toContain('xl/worksheets/sheet1.xml');
      setNativeZlib(null);
    }
  });
});
