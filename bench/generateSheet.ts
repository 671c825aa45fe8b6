// Realistic order sheets of any size for the benchmark: a title row, a 制表日期 line, a blank row, a header
// row, then order lines with text numbers, text dates, blank rows and subtotal rows in clerk-like proportions.

import { serialToYmd } from '../src/core/dates';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../src/core/types';

export const BENCH_HEADERS = [
  '序号',
  '订单号',
  '客户',
  '下单日期',
  '产品型号',
  '品名',
  '规格',
  '数量',
  '单位',
  '单价(元)',
  '金额',
  '交期',
  '已出货数量',
  '出货日期',
  '状态',
  '备注',
];
const CUSTOMERS = ['深圳华强电子', '东莞永盛五金', 'Acme Trading Ltd', '宁波海天塑胶', '苏州明达精密', 'Globex GmbH'];
const STATUSES = ['', '', '', '生产中', '部分出货', '已出货', '取消'];
const TODAY = 46348; // 2026-11-22

/** Deterministic pseudo-random numbers, so every run measures the same sheet. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

export function generateOrderSheet(rows: number, seed = 1): SheetSnapshot {
  const r = rng(seed);
  const width = BENCH_HEADERS.length;
  const blank = (): CellValue[] => new Array<CellValue>(width).fill(null);
  const title = blank();
  title[0] = '2026年订单跟踪表';
  const made = blank();
  made[0] = '制表日期：2026-11-22';
  const values: CellValue[][] = [title, made, blank(), BENCH_HEADERS.slice()];
  const formats: (string | null)[][] = values.map(() => new Array<string | null>(width).fill(null));
  const dateFmt = 'yyyy-mm-dd';
  let line = 0;
  while (line < rows) {
    const roll = r();
    if (roll < 0.005) {
      values.push(blank());
      formats.push(new Array<string | null>(width).fill(null));
      continue;
    }
    if (roll < 0.01) {
      const sub = blank();
      sub[0] = '小计';
      sub[7] = Math.round(r() * 100000);
      values.push(sub);
      formats.push(new Array<string | null>(width).fill(null));
      continue;
    }
    line++;
    const qty = 10 * (1 + Math.floor(r() * 200));
    const price = Math.round(r() * 50000) / 100;
    const orderDate = TODAY - 120 + Math.floor(r() * 120);
    const due = orderDate + 10 + Math.floor(r() * 60);
    const status = STATUSES[Math.floor(r() * STATUSES.length)];
    const shipped = status === '已出货' ? qty : status === '部分出货' ? Math.floor(qty / 2) : null;
    const row: CellValue[] = [
      line,
      `SO${2026000000 + Math.floor(line / 3)}`,
      CUSTOMERS[Math.floor(r() * CUSTOMERS.length)],
      orderDate,
      `FM-${100 + Math.floor(r() * 400)}`,
      '不锈钢保温杯',
      '500ml 银色',
      r() < 0.02 ? qty.toLocaleString('en-US') + (r() < 0.5 ? ' pcs' : '') : qty,
      '个',
      r() < 0.02 ? `¥${price.toFixed(2)}` : price,
      Math.round(qty * price * 100) / 100,
      r() < 0.02 ? isoText(due) : due,
      shipped,
      status === '已出货' ? due - Math.floor(r() * 5) : null,
      status || null,
      r() < 0.1 ? '客户要求加急' : null,
    ];
    values.push(row);
    const f = new Array<string | null>(width).fill('General');
    f[3] = dateFmt;
    f[11] = dateFmt;
    f[13] = dateFmt;
    formats.push(f);
  }
  const total = blank();
  total[0] = '合计';
  values.push(total);
  formats.push(new Array<string | null>(width).fill(null));
  return {
    name: '2026订单',
    top: 1,
    left: 1,
    values,
    formats,
    merges: ['A1:P1'],
    tables: [],
    visibility: 'visible',
    protected: false,
  };
}

/** A due date as a clerk types it: "2026/12/8" (text, so the checks offer a fix). */
function isoText(serial: number): string {
  const { y, m, d } = serialToYmd(serial);
  return `${y}/${m}/${d}`;
}

export function generateWorkbook(rows: number, seed = 1): WorkbookSnapshot {
  return { sheets: [generateOrderSheet(rows, seed)], dateSystem: 1900, activeSheet: '2026订单' };
}
