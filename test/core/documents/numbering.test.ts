import { formatDocNumber, lastSequence, nextDocNumbers, findDocNumbers } from '../../../src/core/documents/numbering';
import { planDocuments } from '../../../src/core/documents';
import { registerSheet, planRegisterRows } from '../../../src/core/documents/register';
import { SETTINGS_SHEET, settingsChunks } from '../../../src/core/settings';
import { DEFAULT_SETTINGS } from '../../../src/core/types';
import { zhFixture } from '../helpers/docs';
import { sheetFromGrid } from '../../../src/core/snapshot';
import type { WorkbookSnapshot } from '../../../src/core/types';
import type { WorkbookEdit } from '../../../src/core/edits';

function wbWith(...sheets: { name: string; grid: (string | number | null)[][] }[]): WorkbookSnapshot {
  return {
    sheets: [sheetFromGrid('Orders', [['x']]), ...sheets.map((s) => sheetFromGrid(s.name, s.grid))],
    dateSystem: 1900,
    activeSheet: null,
  };
}

const REGISTER_HEAD = [
  '单号',
  '类型',
  '日期',
  '客户',
  '订单号',
  '来源行',
  '工作表',
  '数量合计',
  '金额合计',
  '状态',
  '回单日期',
  '备注',
];

describe('document numbers', () => {
  it('formats prefix, day and a 3-digit sequence', () => {
    expect(formatDocNumber('delivery-note', '2026-11-22', 1)).toBe('DN-20261122-001');
    expect(formatDocNumber('work-order', '2026-11-22', 42)).toBe('WO-20261122-042');
    expect(formatDocNumber('packing-list', '2026-01-05', 1000)).toBe('PL-20260105-1000');
  });

  it('finds numbers inside text', () => {
    expect(findDocNumbers('送货单 DN-20261122-007')).toEqual([{ prefix: 'DN', day: '20261122', seq: 7 }]);
    expect(findDocNumbers('XDN-2026112-001')).toEqual([]);
  });

  it('starts at 001 in a workbook without documents', () => {
    expect(nextDocNumbers(wbWith(), 'delivery-note', '2026-11-22', 1)).toEqual(['DN-20261122-001']);
  });

  it('continues from the register even when the document sheets were deleted', () => {
    const wb = wbWith({
      name: '单据登记',
      grid: [
        REGISTER_HEAD,
        ['DN-20261122-001', '送货单', 46348, '佛山美家', 'XS-261001', '4-5', '送货单 DN-20261122-001'],
        ['DN-20261122-002', '送货单', 46348, '佛山美家', 'XS-261001', '4', '送货单 DN-20261122-002'],
        ['PL-20261122-005', '装箱单', 46348, '佛山美家', 'XS-261001', '4', '装箱单 PL-20261122-005'],
        ['DN-20261121-009', '送货单', 46347, '佛山美家', 'XS-261001', '4', '送货单 DN-20261121-009'],
      ],
    });
    expect(lastSequence(wb, 'delivery-note', '2026-11-22')).toBe(2);
    expect(nextDocNumbers(wb, 'delivery-note', '2026-11-22', 2)).toEqual(['DN-20261122-003', 'DN-20261122-004']);
    expect(nextDocNumbers(wb, 'packing-list', '2026-11-22', 1)).toEqual(['PL-20261122-006']);
    expect(nextDocNumbers(wb, 'work-order', '2026-11-22', 1)).toEqual(['WO-20261122-001']);
    expect(nextDocNumbers(wb, 'delivery-note', '2026-11-23', 1)).toEqual(['DN-20261123-001']);
  });

  it('also counts document sheets whose register row is missing, and an English register', () => {
    const wb = wbWith(
      { name: 'DOCUMENTS', grid: [['Number'], ['WO-20261122-003']] },
      { name: 'Work order WO-20261122-004', grid: [['x']] },
    );
    expect(nextDocNumbers(wb, 'work-order', '2026-11-22', 1)).toEqual(['WO-20261122-005']);
  });

  it('ignores numbers in ordinary sheets cells (only the register and sheet names count)', () => {
    const wb = wbWith({ name: 'Notes', grid: [['DN-20261122-050']] });
    expect(nextDocNumbers(wb, 'delivery-note', '2026-11-22', 1)).toEqual(['DN-20261122-001']);
  });
});

describe('last numbers kept in the settings (SPEC 9)', () => {
  const settingsSheet = (json: string) => ({ name: SETTINGS_SHEET, grid: settingsChunks(json).map((c) => [c]) });

  it('continue from the settings when the register and the sheets no longer show the number', () => {
    const wb = wbWith(
      settingsSheet(JSON.stringify({ version: 1, lastNumbers: { 'DN-20261122': 7, 'WO-20261121': 3 } })),
    );
    expect(nextDocNumbers(wb, 'delivery-note', '2026-11-22', 1)).toEqual(['DN-20261122-008']);
    expect(nextDocNumbers(wb, 'work-order', '2026-11-22', 1)).toEqual(['WO-20261122-001']);
  });

  it('take the highest of register, sheet names and settings', () => {
    const wb = wbWith(settingsSheet(JSON.stringify({ version: 1, lastNumbers: { 'DN-20261122': 2 } })), {
      name: '单据登记',
      grid: [REGISTER_HEAD, ['DN-20261122-004']],
    });
    expect(lastSequence(wb, 'delivery-note', '2026-11-22')).toBe(4);
  });

  it('generate a DN, delete its sheet and its register row, generate again: 002, not 001', () => {
    const { u, wb } = zhFixture();
    const first = planDocuments(u, wb, { type: 'delivery-note', rows: [4], today: '2026-11-22' });
    expect(first.documents[0].number).toBe('DN-20261122-001');
    const write = first.edits.find((e) => e.kind === 'writeSettings');
    if (write?.kind !== 'writeSettings') throw new Error('no writeSettings edit');
    // What is left after the clerk deleted the document sheet and the register row: the settings the plan wrote.
    const after: WorkbookSnapshot = {
      ...wb,
      sheets: [
        ...wb.sheets,
        sheetFromGrid(
          SETTINGS_SHEET,
          settingsChunks(write.json).map((c) => [c]),
        ),
      ],
    };
    expect(after.sheets.some((sh) => /DN-/.test(sh.name) || sh.name === '单据登记')).toBe(false);
    const second = planDocuments(u, after, { type: 'delivery-note', rows: [4], today: '2026-11-22' });
    expect(second.documents[0].number).toBe('DN-20261122-002');
    const write2 = second.edits.find((e) => e.kind === 'writeSettings');
    expect(write2?.kind === 'writeSettings' && JSON.parse(write2.json).lastNumbers).toEqual({ 'DN-20261122': 2 });
  });

  it('keep the other settings as they were when recording a number', () => {
    const settings = {
      ...DEFAULT_SETTINGS,
      dueSoonDays: 3,
      documentLang: 'en-US' as const,
      lastNumbers: { 'PL-20261120': 9 },
    };
    const { u, wb } = zhFixture({ extraSheets: [settingsSheet(JSON.stringify(settings))] });
    const p = planDocuments(u, wb, { type: 'work-order', rows: [4], today: '2026-11-22' });
    const write = p.edits.find((e) => e.kind === 'writeSettings');
    expect(write?.kind === 'writeSettings' && JSON.parse(write.json)).toEqual({
      ...settings,
      lastNumbers: { 'PL-20261120': 9, 'WO-20261122': 1 },
    });
  });
});

describe('register', () => {
  const NEW = (name: string, lang: 'zh-CN' | 'en-US') => ({ name, lang, exists: false, headerRow: 1 });
  it('reuses an existing register whatever the document language, its header in row 1 or below a letterhead', () => {
    // Ours: the name (any case) and the register's own header row.
    const edits = planRegisterRows(wbWith(), NEW('Documents', 'en-US'), [], null);
    const header = (edits.find((e) => e.kind === 'appendRows') as { header: string[] }).header;
    const wb = wbWith({ name: 'documents', grid: [header] });
    expect(registerSheet(wb, 'zh-CN')).toMatchObject({ name: 'documents', lang: 'en-US', exists: true, headerRow: 1 });
    const below = wbWith({ name: 'Documents', grid: [['ACME Ltd.'], ['Documents 单据登记'], header] });
    expect(registerSheet(below, 'zh-CN')).toMatchObject({ name: 'Documents', exists: true, headerRow: 3 });
    // An old register with the first seven columns only is ours too.
    expect(registerSheet(wbWith({ name: 'Documents', grid: [header.slice(0, 7)] }), 'zh-CN').exists).toBe(true);
    // A clerk's sheet that only shares the name is not ours.
    expect(registerSheet(wbWith({ name: 'Documents', grid: [['Number']] }), 'en-US')).toMatchObject({
      name: 'Documents (2)',
      lang: 'en-US',
      exists: false,
    });
    expect(registerSheet(wbWith(), 'zh-CN')).toMatchObject({ name: '单据登记', lang: 'zh-CN' });
    expect(registerSheet(wbWith(), 'en-US')).toMatchObject({ name: 'Documents', lang: 'en-US' });
  });

  const ENTRY = {
    number: 'DN-20261122-001',
    typeLabel: '送货单',
    dateSerial: 46348,
    customer: '佛山美家',
    orderNos: 'XS-261001',
    rows: '4-5,7',
    sheet: '送货单 DN-20261122-001',
    quantity: 180,
    amount: 12345.5,
    note: '',
  };

  it('a new register is a print-ready sheet (letterhead, title, header) and rows are appended below it', () => {
    const edits = planRegisterRows(wbWith(), NEW('单据登记', 'zh-CN'), [ENTRY], {
      name: '永兴小家电制品有限公司',
      phone: '0757-1234 5678',
    });
    expect(edits.map((e) => e.kind)).toEqual(['addSheet', 'appendRows']);
    const add = edits[0] as Extract<WorkbookEdit, { kind: 'addSheet' }>;
    expect(add.spec.cells[0]).toMatchObject({ row: 1, value: '永兴小家电制品有限公司' });
    expect(add.spec.cells.every((c) => c.style?.fontName === 'Microsoft YaHei')).toBe(true);
    expect(add.spec.pageSetup).toMatchObject({ paperSize: 'A4', fitToWidth: 1, printTitleRows: '$4:$4' });
    expect(edits[1]).toMatchObject({
      kind: 'appendRows',
      sheet: '单据登记',
      header: REGISTER_HEAD,
      rows: [
        [
          'DN-20261122-001',
          '送货单',
          46348,
          '佛山美家',
          'XS-261001',
          '4-5,7',
          '送货单 DN-20261122-001',
          180,
          12345.5,
          '有效',
          null,
          null,
        ],
      ],
      rowStyle: { border: 'thin', fontName: 'Microsoft YaHei' },
      extendPrintArea: true,
    });
  });

  it('an old register of seven columns gets the header cells of the new ones', () => {
    const wb = wbWith({ name: '单据登记', grid: [REGISTER_HEAD.slice(0, 7)] });
    const edits = planRegisterRows(wb, registerSheet(wb, 'zh-CN'), [ENTRY], null);
    expect(edits[0]).toEqual({
      kind: 'setValues',
      sheet: '单据登记',
      cells: ['H1', 'I1', 'J1', 'K1', 'L1'].map((address, i) => ({ address, value: REGISTER_HEAD[7 + i] })),
    });
    expect(edits[1].kind).toBe('appendRows');
  });
});
