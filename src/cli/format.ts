// Plain-text output of the CLI: small aligned tables that stay aligned with Chinese text.

// Columns a string takes in a terminal: the same rule that sizes document columns (CJK and full-width take two).
import { displayWidth } from '../core/printSetup';

export { displayWidth };

function pad(s: string, width: number, right: boolean): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(s)));
  return right ? fill + s : s + fill;
}

/** Rows of cells → aligned lines; numbers are right-aligned. The first row is the header. */
export function textTable(rows: (string | number)[][]): string {
  const cells = rows.map((r) => r.map((c) => oneLine(String(c))));
  const widths: number[] = [];
  for (const r of cells) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, displayWidth(c))));
  return rows
    .map((r, ri) =>
      r
        .map((c, i) => pad(cells[ri][i], widths[i], typeof c === 'number'))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** Label/value pairs, labels padded to one width. */
export function textPairs(pairs: [string, string][]): string {
  const w = pairs.reduce((m, [k]) => Math.max(m, displayWidth(k)), 0);
  return pairs.map(([k, v]) => `${pad(k, w, false)}  ${v}`).join('\n');
}

/** Newlines inside a cell would break the table (and stderr must stay one line). */
export function oneLine(s: string): string {
  return s.replace(/\s*[\r\n]+\s*/g, ' ');
}
