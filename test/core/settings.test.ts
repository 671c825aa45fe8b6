import { SETTINGS_SHEET, planWriteSettings, readSettings, settingsChunks } from '../../src/core/settings';
import { sheetFromGrid } from '../../src/core/snapshot';
import { DEFAULT_SETTINGS, type WorkbookSnapshot } from '../../src/core/types';

function wbWithSettings(json: string): WorkbookSnapshot {
  return {
    sheets: [
      sheetFromGrid(
        SETTINGS_SHEET,
        settingsChunks(json).map((c) => [c]),
      ),
    ],
    dateSystem: 1900,
    activeSheet: null,
  };
}

describe('settings lastNumbers (SPEC 9)', () => {
  it('are absent until written', () => {
    expect(readSettings(wbWithSettings('{"version":1}'))).toEqual(DEFAULT_SETTINGS);
    expect('lastNumbers' in readSettings(wbWithSettings('{"version":1}'))).toBe(false);
  });

  it('survive a write and a read', () => {
    const settings = { ...DEFAULT_SETTINGS, lastNumbers: { 'DN-20261122': 3, 'WO-20261121': 0 } };
    const edit = planWriteSettings(settings);
    expect(edit.kind === 'writeSettings' && readSettings(wbWithSettings(edit.json))).toEqual(settings);
  });

  it('keep only non-negative whole numbers', () => {
    const json = JSON.stringify({ version: 1, lastNumbers: { a: 2, b: -1, c: 1.5, d: '4', e: null, f: 0 } });
    expect(readSettings(wbWithSettings(json)).lastNumbers).toEqual({ a: 2, f: 0 });
  });

  it('ignore a lastNumbers that is not an object', () => {
    expect(readSettings(wbWithSettings('{"version":1,"lastNumbers":[1,2]}')).lastNumbers).toBeUndefined();
    expect(readSettings(wbWithSettings('{"version":1,"lastNumbers":5}')).lastNumbers).toBeUndefined();
  });
});
