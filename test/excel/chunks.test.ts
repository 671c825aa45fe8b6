import { cellsToAreas, joinAreas, splitAreas, areasOf } from '../../src/excel/addresses';
import { cellsPerSync, nextSyncChunks, rowsPerChunk, MAX_CELLS_PER_READ } from '../../src/excel/chunks';

describe('read chunk planning', () => {
  test('cells per sync follow the byte budget and never pass one range read', () => {
    expect(cellsPerSync(30)).toBe(133_333);
    expect(cellsPerSync(0.1, 1e9)).toBe(MAX_CELLS_PER_READ);
    expect(rowsPerChunk(16, 133_333)).toBe(8_333);
    expect(rowsPerChunk(20_000, 10)).toBe(1);
  });

  test('small sheets share a sync; a big one is split by rows', () => {
    const blocks = [
      { sheet: 'A', top: 1, left: 1, rows: 10, columns: 10 },
      { sheet: 'B', top: 3, left: 2, rows: 100, columns: 10 },
    ];
    const first = nextSyncChunks(blocks, 500);
    expect(first.chunks).toEqual([
      { sheet: 'A', top: 1, left: 1, rows: 10, columns: 10 },
      { sheet: 'B', top: 3, left: 2, rows: 40, columns: 10 },
    ]);
    expect(first.rest).toEqual([{ sheet: 'B', top: 43, left: 2, rows: 60, columns: 10 }]);
    expect(blocks[1].top).toBe(3); // input untouched
    const second = nextSyncChunks(first.rest, 500);
    expect(second.chunks).toEqual([{ sheet: 'B', top: 43, left: 2, rows: 50, columns: 10 }]);
    expect(nextSyncChunks(second.rest, 500).rest).toEqual([]);
  });
});

describe('area addresses', () => {
  test('Office.js area lists lose their sheet names, quoted commas included', () => {
    expect(splitAreas("'a,b'!A1:B2, Sheet1!$C$3")).toEqual(["'a,b'!A1:B2", 'Sheet1!$C$3']);
    expect(areasOf("'a,b'!A1:B2, Sheet1!$C$3")).toEqual(['A1:B2', 'C3']);
  });

  test('scattered cells become few rectangles', () => {
    const cells = [];
    for (let r = 4; r <= 9; r++) for (let c = 1; c <= 3; c++) cells.push({ row: r, col: c });
    cells.push({ row: 12, col: 5 }, { row: 1, col: 1 }, { row: 1, col: 2 });
    expect(cellsToAreas(cells)).toEqual(['A1:B1', 'A4:C9', 'E12']);
    expect(joinAreas(['A1:B1', 'A4:C9', 'E12'], 12)).toEqual(['A1:B1,A4:C9', 'E12']);
  });
});
