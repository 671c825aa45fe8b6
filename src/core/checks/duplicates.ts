// Duplicate order lines (SPEC 5): the same order number, item, quantity and due date as an earlier line. The
// finder hashes each line's key parts straight from the reading columns, so no key string is built per line
// (bench/core/duplicates.bench.ts measures it against a Map of joined keys).

import { R_OK, R_OK_TEXT, type FieldCells, type LineColumns, type ReadingColumn } from '../lines/columns';
import { keyText } from '../text';

/**
 * The duplicate key of a line is its orderNo, item, quantity and due date, texts normalised by keyText and
 * read numbers as numbers; a line without an item has none. firstWithKey(k), called in line order, gives the first
 * line with the same key (k itself when it is the first), or -1 without a key. Keys are hashed into an
 * open-addressing table and compared part by part only when hashes meet, so no key is built per line.
 */
export class DuplicateFinder {
  private readonly item: FieldCells;
  private readonly orderNo: FieldCells;
  private readonly qtyCells: FieldCells;
  private readonly dueCells: FieldCells;
  private readonly qty: ReadingColumn;
  private readonly due: ReadingColumn;
  private readonly memo = new Map<string, string>();
  private readonly size: number;
  /** Pairs (line, hash) per slot: one cache line per probe. */
  private readonly slots: Int32Array;
  /** The previous line's orderNo and its hash: lines of one order follow each other. */
  private lastOrderNo = '';
  private lastOrderNoHash = 0;
  /** Whether the text last hashed was '' once normalised. */
  private wasEmpty = false;

  constructor(cols: LineColumns) {
    this.item = cols.field('item');
    this.orderNo = cols.field('orderNo');
    this.qtyCells = cols.field('quantity');
    this.dueCells = cols.field('dueDate');
    this.qty = cols.num('quantity');
    this.due = cols.date('dueDate');
    let size = 16;
    while (size < cols.n * 2) size *= 2;
    this.size = size;
    this.slots = new Int32Array(size * 2).fill(-1);
    this.lastOrderNoHash = this.textHash('');
  }

  firstWithKey(k: number): number {
    const item = this.item.text(k) ?? '';
    const itemHash = this.textHash(item);
    if (this.wasEmpty) return -1;
    const orderNo = this.orderNo.text(k) ?? '';
    if (orderNo !== this.lastOrderNo) {
      this.lastOrderNo = orderNo;
      this.lastOrderNoHash = this.textHash(orderNo);
    }
    let h = Math.imul(itemHash ^ 0x9e3779b9, 0x85ebca6b) ^ this.lastOrderNoHash;
    const qk = this.qty.kind[k];
    h =
      qk === R_OK || qk === R_OK_TEXT
        ? hashNumber(this.qty.value[k], h)
        : Math.imul(h ^ this.textHash(this.qtyCells.text(k) ?? ''), 0x5bd1e995);
    const dk = this.due.kind[k];
    h =
      dk === R_OK || dk === R_OK_TEXT
        ? hashNumber(this.due.value[k], h)
        : Math.imul(h ^ this.textHash(this.dueCells.text(k) ?? ''), 0x5bd1e995);
    h ^= h >>> 15;
    const mask = this.size - 1;
    const slots = this.slots;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const other = slots[2 * slot];
      if (other < 0) {
        slots[2 * slot] = k;
        slots[2 * slot + 1] = h;
        return k;
      }
      if (slots[2 * slot + 1] === h && this.sameKey(other, k)) return other;
    }
  }

  /**
   * FNV-1a hash of keyText(s) (EMPTY_TEXT for ''). Printable ASCII without lower-case letters or spaces is
   * its own normal form, so most texts are hashed as they are, in one pass.
   */
  private textHash(s: string): number {
    let h = 0x811c9dc5 | 0;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x21 || c > 0x7e || (c >= 0x61 && c <= 0x7a)) {
        const key = this.keyText(s);
        this.wasEmpty = key === '';
        return hashOf(key);
      }
      h = Math.imul(h ^ c, 0x01000193);
    }
    this.wasEmpty = s.length === 0;
    return h;
  }

  private keyText(s: string | undefined): string {
    if (s === undefined) return '';
    if (isKeyTextAsIs(s)) return s;
    let v = this.memo.get(s);
    if (v === undefined) {
      v = keyText(s);
      if (this.memo.size < 100000) this.memo.set(s, v);
    }
    return v;
  }

  private ok(col: ReadingColumn, k: number): boolean {
    const kind = col.kind[k];
    return kind === R_OK || kind === R_OK_TEXT;
  }

  /** Same four parts (run only when two lines' hashes meet). */
  private sameKey(a: number, b: number): boolean {
    const { qty, due } = this;
    return (
      this.keyText(this.item.text(a)) === this.keyText(this.item.text(b)) &&
      this.keyText(this.orderNo.text(a)) === this.keyText(this.orderNo.text(b)) &&
      (this.ok(qty, a)
        ? this.ok(qty, b) && qty.value[a] === qty.value[b]
        : !this.ok(qty, b) && this.keyText(this.qtyCells.text(a)) === this.keyText(this.qtyCells.text(b))) &&
      (this.ok(due, a)
        ? this.ok(due, b) && due.value[a] === due.value[b]
        : !this.ok(due, b) && this.keyText(this.dueCells.text(a)) === this.keyText(this.dueCells.text(b)))
    );
  }
}

/** FNV-1a over a normalised text's UTF-16 units. */
function hashOf(s: string): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}

/** True when keyText(s) === s: printable ASCII without lower-case letters or spaces. */
function isKeyTextAsIs(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x21 || c > 0x7e || (c >= 0x61 && c <= 0x7a)) return false;
  }
  return true;
}

const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);

/** Mixes a number's bits into a hash (0 and -0 alike: equal keys). */
function hashNumber(x: number, h: number): number {
  F64[0] = x === 0 ? 0 : x;
  h = Math.imul(h ^ U32[0], 0x01000193);
  return Math.imul(h ^ U32[1], 0x01000193);
}
