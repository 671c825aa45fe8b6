// Continuing a formula one or more rows further down, as Excel's fill-down does: relative row numbers of A1
// references move, $-anchored ones stay. Pure text work, shared by the .xlsx writer and the recording fake.

/**
 * The formula (without "=") moved `rows` rows down (negative: up): every A1 reference whose row is not $-anchored
 * gets its row moved, in cell references (H5, $H5, H$5 stays), areas (H5:H9) and sheet-qualified ones (Sheet1!H5).
 * Text in double quotes, quoted sheet names and structured references ([@Qty]) are left as they are. A reference moved
 * above row 1 becomes #REF!, as in Excel.
 */
export function shiftFormulaRows(formula: string, rows: number): string {
  if (rows === 0) return formula;
  let out = '';
  let i = 0;
  while (i < formula.length) {
    const c = formula[i];
    if (c === '"') {
      const end = closing(formula, i, '"');
      out += formula.slice(i, end);
      i = end;
      continue;
    }
    if (c === "'") {
      const end = closing(formula, i, "'");
      out += formula.slice(i, end);
      i = end;
      continue;
    }
    if (c === '[') {
      const end = bracketEnd(formula, i);
      out += formula.slice(i, end);
      i = end;
      continue;
    }
    const m = REF.exec(formula.slice(i));
    if (m && !isNamePart(formula[i - 1])) {
      const [whole, colAnchor, col, rowAnchor, row] = m;
      const next = formula[i + whole.length];
      // A function name (LOG10( ) or a longer name (A1B) is not a reference.
      if (next !== '(' && !isNamePart(next) && next !== '!') {
        const n = rowAnchor === '$' ? Number(row) : Number(row) + rows;
        out += n < 1 || n > 1048576 ? '#REF!' : `${colAnchor}${col}${rowAnchor}${n}`;
        i += whole.length;
        continue;
      }
    }
    // Copy one name/word at a time so a reference is only looked for at a word start.
    const w = WORD.exec(formula.slice(i));
    const len = w ? w[0].length : 1;
    out += formula.slice(i, i + len);
    i += len;
  }
  return out;
}

const REF = /^(\$?)([A-Za-z]{1,3})(\$?)([0-9]{1,7})/;
const WORD = /^[A-Za-z0-9_.\\]+/;

function isNamePart(c: string | undefined): boolean {
  return c !== undefined && /[A-Za-z0-9_.\\]/.test(c);
}

/** Index after the closing quote of a quoted run starting at i ("" / '' inside are escapes). */
function closing(s: string, i: number, q: string): number {
  let j = i + 1;
  while (j < s.length) {
    if (s[j] === q) {
      if (s[j + 1] === q) {
        j += 2;
        continue;
      }
      return j + 1;
    }
    j++;
  }
  return s.length;
}

/** Index after the bracket that closes the one at i (structured references nest: Table1[[#This Row],[Qty]]). */
function bracketEnd(s: string, i: number): number {
  let depth = 0;
  for (let j = i; j < s.length; j++) {
    if (s[j] === '[') depth++;
    else if (s[j] === ']' && --depth === 0) return j + 1;
  }
  return s.length;
}
