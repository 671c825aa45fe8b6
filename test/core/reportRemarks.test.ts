// SPEC 6: the weekly overdue report carries each overdue line's remarks — the clerk's delay reason — next to it;
// the due-soon table does not (nothing is late there yet).
import type { SheetSpec } from '../../src/core/edits';
import { planOverdueReport } from '../../src/core/report';
import type { CellValue } from '../../src/core/types';
import { serial as d, sheetOf, understandGrid, workbookOf } from './helpers/grid';

const grid: CellValue[][] = [
  ['orderNo', 'customer', 'item', 'quantity', 'dueDate', 'remarks'],
  ['SO-1', 'Harbor Supply', 'HS-1', 100, d('2026-11-19'), 'mould repair, ships 11-26'], // 2: 3 days late
  ['SO-2', 'Harbor Supply', 'HS-2', 10, d('2026-11-02'), null], // 3: 20 days late, no reason written
  ['SO-3', 'Lakeside', 'LR-1', 7, d('2026-11-25'), 'internal: rush'], // 4: due soon
];

function spec(lang: 'en-US' | 'zh-CN'): SheetSpec {
  const u = understandGrid(grid);
  const e = planOverdueReport(u, workbookOf([sheetOf(grid)]), { today: '2026-11-22', lang, company: null }).edits[0];
  if (e.kind !== 'addSheet') throw new Error(e.kind);
  return e.spec;
}

const rowOf = (s: SheetSpec, text: string): number => s.cells.find((c) => c.value === text)!.row;
const valuesIn = (s: SheetSpec, row: number) => s.cells.filter((c) => c.row === row).map((c) => c.value);

describe('weekly report remarks', () => {
  it('each overdue line carries its remarks; the due-soon table has no remarks column', () => {
    const s = spec('en-US');
    const header = rowOf(s, 'Days late');
    expect(valuesIn(s, header)).toContain('Remarks (delay reason)');
    const col = s.cells.find((c) => c.row === header && c.value === 'Remarks (delay reason)')!.col;
    const at = (row: number) => s.cells.find((c) => c.row === row && c.col === col);
    // Most late first: SO-2 (no reason, empty cell), then SO-1 with its reason, wrapped.
    expect([at(header + 1)?.value ?? null, at(header + 2)?.value]).toEqual([null, 'mould repair, ships 11-26']);
    expect(at(header + 2)?.style?.wrap).toBe(true);
    const soon = rowOf(s, 'Days left');
    expect(valuesIn(s, soon)).not.toContain('Remarks (delay reason)');
    expect(s.cells.some((c) => c.value === 'internal: rush')).toBe(false);
  });

  it('in Chinese the column says it is the delay reason', () => {
    const s = spec('zh-CN');
    expect(valuesIn(s, rowOf(s, '逾期天数'))).toContain('备注（延误原因）');
  });
});
