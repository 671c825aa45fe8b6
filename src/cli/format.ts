// Plain-text output of the CLI: small aligned tables that stay aligned with Chinese text.

/** Columns a string takes in a terminal: CJK and full-width characters take two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += isWide(ch.codePointAt(0) ?? 0) ? 2 : 1;
  return w;
}

function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

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
