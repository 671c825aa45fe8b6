// Making the table never changes a header cell: blank, duplicate or non-text headers and merged cells stop it,
// with a message that names the cells; an existing table is reused as it is; "apply" still writes the rules.
import { OrderClerkError } from '../../src/core/errors';
import { planApply, planMakeTable } from '../../src/core/plans';
import { sheetFromGrid } from '../../src/core/snapshot';
import type { CellValue, WorkbookSnapshot } from '../../src/core/types';
import { understand } from '../../src/core/understand';

const HEAD: CellValue[] = ['Order No.', 'Item', 'Qty', 'Due Date', 'Remarks', 'Notes'];
const LINE: CellValue[] = ['SO-1', 'X-1', 5, 46400, 'rush', 'call first'];

function workbook(
  head: CellValue[],
  patch: (s: ReturnType<typeof sheetFromGrid>) => void = () => undefined,
): WorkbookSnapshot {
  const s = sheetFromGrid('Orders', [head, LINE, LINE.map((v, i) => (i === 0 ? 'SO-2' : v))]);
  patch(s);
  return { sheets: [s], dateSystem: 1900, activeSheet: null };
}

function refusal(wb: WorkbookSnapshot, lang: 'en-US' | 'zh-CN' = 'en-US'): string {
  const u = understand(wb, { today: '2026-11-22' });
  try {
    planMakeTable(u, wb, lang);
  } catch (e) {
    expect(e).toBeInstanceOf(OrderClerkError);
    expect((e as OrderClerkError).code).toBe('tableHeadersInvalid');
    return (e as OrderClerkError).messageIn(lang);
  }
  throw new Error('planMakeTable made a table');
}

test('clean headers: one ensureTable over the header row and the lines', () => {
  const wb = workbook(HEAD);
  expect(planMakeTable(understand(wb, { today: '2026-11-22' }), wb)).toEqual({
    kind: 'ensureTable',
    sheet: 'Orders',
    range: 'A1:F3',
    name: 'OrderLines',
    mode: 'create',
  });
});

test('a header used twice (any case) is named with its cells', () => {
  expect(refusal(workbook([...HEAD.slice(0, 5), 'REMARKS']))).toBe(
    'No table made: the header "Remarks" appears more than once (E1, F1). Excel would rewrite those header cells when making a table, so it was skipped to keep your data as it is; correct the headers, then make the table.',
  );
  expect(refusal(workbook([...HEAD.slice(0, 5), 'REMARKS']), 'zh-CN')).toContain('表头“Remarks”重复（E1, F1）');
});

test('a blank header cell inside the block', () => {
  expect(refusal(workbook([...HEAD.slice(0, 4), null, 'Notes']))).toContain('header cell(s) E1 are empty');
});

test('a number as a header', () => {
  expect(refusal(workbook([...HEAD.slice(0, 5), 2026]))).toContain('header cell(s) F1 are not text');
});

test('merged cells inside the block', () => {
  expect(refusal(workbook(HEAD, (s) => s.merges.push('E2:F2')))).toContain('the table area holds merged cells (E2:F2)');
});

test('an existing table on the block is reused whatever its headers', () => {
  const wb = workbook([...HEAD.slice(0, 5), 'REMARKS'], (s) => s.tables.push({ name: 'Mine', range: 'A1:F3' }));
  expect(planMakeTable(understand(wb, { today: '2026-11-22' }), wb)).toMatchObject({
    kind: 'ensureTable',
    name: 'Mine',
    mode: 'reuse',
  });
});

test('apply skips only the table and says why; validation and delay rules are still planned', () => {
  const wb = workbook([...HEAD.slice(0, 5), 'REMARKS']);
  const plan = planApply(understand(wb, { today: '2026-11-22' }), {
    lang: 'en-US',
    fix: false,
    now: new Date(2026, 10, 22),
    wb,
  });
  expect(plan.tableSkipped?.code).toBe('tableHeadersInvalid');
  expect(plan.edits.map((e) => e.kind)).toEqual(['setDataValidation', 'setConditionalFormats']);
});
