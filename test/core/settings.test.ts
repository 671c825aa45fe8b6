import {
  IGNORED_KEY,
  SETTINGS_SHEET,
  UNREADABLE_KEY,
  planWriteSettings,
  readSettings,
  readSettingsChecked,
  settingsChunks,
  settingsWarnings,
} from '../../src/core/settings';
import { sheetFromGrid } from '../../src/core/snapshot';
import { DEFAULT_SETTINGS, type Settings, type WorkbookSnapshot } from '../../src/core/types';

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

/** One bad field each, on top of settings that are otherwise good: that field is named once, the rest still used. */
const GOOD = {
  version: 1,
  dueSoonDays: 3,
  receiptDays: 10,
  documentLang: 'en-US',
  dayFirstDates: true,
  extraStatusWords: { shipped: ['出完'] },
  columnOverrides: { Orders: { I: null, J: 'quantity' } },
  headerRowOverrides: { Orders: 2 },
  lastNumbers: { 'DN-20261122': 4 },
  company: { name: '华达五金', phone: '0769-1234' },
  ports: { loading: 'Shenzhen' },
  marks: ['BRAND'],
};

const BAD_FIELDS: [string, Record<string, unknown>, string[]][] = [
  ['dueSoonDays as text', { dueSoonDays: '7' }, ['dueSoonDays']],
  ['dueSoonDays of 1e300', { dueSoonDays: 1e300 }, ['dueSoonDays']],
  ['dueSoonDays null', { dueSoonDays: null }, ['dueSoonDays']],
  ['receiptDays negative', { receiptDays: -1 }, ['receiptDays']],
  ['documentLang a number', { documentLang: 5 }, ['documentLang']],
  ['dayFirstDates as text', { dayFirstDates: 'yes' }, ['dayFirstDates']],
  ['extraStatusWords a list', { extraStatusWords: ['shipped'] }, ['extraStatusWords']],
  ['a status word list that is an object', { extraStatusWords: { shipped: { a: 1 } } }, ['extraStatusWords.shipped']],
  [
    'an unknown status kind',
    { extraStatusWords: { shipped: ['出完'], delivered: ['到了'] } },
    ['extraStatusWords.delivered'],
  ],
  ['columnOverrides a list', { columnOverrides: ['Qty'] }, ['columnOverrides']],
  ['a sheet mapping that is a list', { columnOverrides: { Orders: ['Qty'] } }, ['columnOverrides.Orders']],
  [
    'a column mapped to an unknown field',
    { columnOverrides: { Orders: { I: null, J: 'bogus' } } },
    ['columnOverrides.Orders.J'],
  ],
  ['headerRowOverrides row as text', { headerRowOverrides: { Orders: '2' } }, ['headerRowOverrides.Orders']],
  ['headerRowOverrides row past the sheet', { headerRowOverrides: { Orders: 2e6 } }, ['headerRowOverrides.Orders']],
  ['lastNumbers a list', { lastNumbers: [1, 2] }, ['lastNumbers']],
  ['lastNumbers of 1e300', { lastNumbers: { 'WO-20261122': 1e300 } }, ['lastNumbers.WO-20261122']],
  ['company a text', { company: '华达' }, ['company']],
  ['company without a name', { company: { phone: '123' } }, ['company.name']],
  ['company phone a number', { company: { name: '华达五金', phone: 123 } }, ['company.phone']],
  ['ports a list', { ports: ['Shenzhen'] }, ['ports']],
  ['marks a text', { marks: 'BRAND' }, ['marks']],
  ['a mark that is a number', { marks: ['BRAND', 7] }, ['marks']],
  ['version 2', { version: 2 }, ['version']],
];

describe('settings as untrusted input (issue 16.2)', () => {
  const read = (o: Record<string, unknown>) => readSettingsChecked(wbWithSettings(JSON.stringify(o)));

  it('read good settings with no warning', () => {
    const r = read(GOOD);
    expect(r.ignored).toEqual([]);
    expect(r.settings).toEqual(GOOD);
  });

  it.each(BAD_FIELDS)('name %s once and use the rest', (_name, bad, fields) => {
    const r = read({ ...GOOD, ...bad });
    expect(r.ignored).toEqual(fields);
    expect(r.unreadable).toBe(false);
    // Every field not named is exactly as in GOOD.
    const top = new Set(fields.map((f) => f.split('.')[0]));
    for (const [k, v] of Object.entries(GOOD)) if (!top.has(k)) expect(r.settings[k as keyof Settings]).toEqual(v);
    // The clerk's value of the ignored field is kept, whole, to be written back under ignoredSettings.
    const key = fields[0].split('.')[0];
    expect(r.settings.kept).toEqual({ [IGNORED_KEY]: { [key]: bad[key] } });
    const warnings = settingsWarnings(r, 'en-US');
    expect(warnings).toHaveLength(fields.length);
    expect(warnings[0]).toContain(`"${fields[0]}"`);
    expect(settingsWarnings(r, 'zh-CN')[0]).toContain(`“${fields[0]}”`);
  });

  it('use the default for a whole bad field, and keep the good entries of a map', () => {
    const r = read({ ...GOOD, dueSoonDays: '7', lastNumbers: { a: 2, b: -1, c: 1.5, d: '4', e: null, f: 0 } });
    expect(r.settings.dueSoonDays).toBe(DEFAULT_SETTINGS.dueSoonDays);
    expect(r.settings.lastNumbers).toEqual({ a: 2, f: 0 });
    expect(r.ignored).toEqual(['dueSoonDays', 'lastNumbers.b', 'lastNumbers.c', 'lastNumbers.d', 'lastNumbers.e']);
  });

  it('take null for an optional field as none, without a warning', () => {
    const r = read({ version: 1, company: null, ports: null, marks: null, lastNumbers: null });
    expect(r.ignored).toEqual([]);
    expect(r.settings).toEqual(DEFAULT_SETTINGS);
  });

  it.each([
    ['a list', '[1,2,3]'],
    ['null', 'null'],
    ['a number', '1e300'],
    ['cut-off JSON', '{"version":1,"dueSoonDays":'],
  ])('use the defaults for settings that are %s, say so once, and keep the text', (_name, json) => {
    const r = readSettingsChecked(wbWithSettings(json));
    expect(r.unreadable).toBe(true);
    const { kept, ...settings } = r.settings;
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(settingsWarnings(r, 'en-US')).toEqual([
      'The settings in the hidden sheet _order_clerk could not be read: the defaults are used, and the text is kept in that sheet.',
    ]);
    // The next write keeps the unreadable text under its own key, so the clerk's settings text is not lost.
    const edit = planWriteSettings({ ...r.settings, dueSoonDays: 5 });
    const written = edit.kind === 'writeSettings' ? (JSON.parse(edit.json) as Record<string, unknown>) : {};
    expect(written[UNREADABLE_KEY]).toBe(json);
    expect(written.dueSoonDays).toBe(5);
    expect(kept).toEqual({ [UNREADABLE_KEY]: json });
  });

  it('say nothing for an empty settings sheet', () => {
    expect(readSettingsChecked(wbWithSettings('')).ignored).toEqual([]);
    expect(readSettingsChecked(wbWithSettings('')).unreadable).toBe(false);
  });

  it('keep fields they do not know, without a warning, and write them back untouched', () => {
    const future = { theme: { dark: true }, notes: ['a', 1], __proto__x: 1 };
    const json = `{"version":1,"dueSoonDays":4,"theme":{"dark":true},"notes":["a",1],"__proto__x":1,"__proto__":{"polluted":1}}`;
    const r = readSettingsChecked(wbWithSettings(json));
    expect(r.ignored).toEqual([]);
    expect(r.settings.dueSoonDays).toBe(4);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const edit = planWriteSettings({ ...r.settings, lastNumbers: { 'DN-20261122': 1 } });
    const written = edit.kind === 'writeSettings' ? (JSON.parse(edit.json) as Record<string, unknown>) : {};
    expect(written).toMatchObject({ ...future, dueSoonDays: 4, lastNumbers: { 'DN-20261122': 1 } });
    expect(Object.prototype.hasOwnProperty.call(written, '__proto__')).toBe(true);
    // Read again: the same, still no warning.
    const again = readSettingsChecked(wbWithSettings(edit.kind === 'writeSettings' ? edit.json : ''));
    expect(again.ignored).toEqual([]);
    expect(again.settings.kept).toEqual(r.settings.kept);
  });

  it('keep the ignored values across writes: a later write adds to the earlier ones', () => {
    const first = read({ ...GOOD, dueSoonDays: '7' });
    const edit1 = planWriteSettings(first.settings);
    const json1 = edit1.kind === 'writeSettings' ? edit1.json : '';
    expect(JSON.parse(json1)).toMatchObject({ dueSoonDays: 7, [IGNORED_KEY]: { dueSoonDays: '7' } });
    const second = readSettingsChecked(wbWithSettings(json1.replace('"marks":["BRAND"]', '"marks":"BRAND"')));
    expect(second.ignored).toEqual(['marks']);
    expect(second.settings.kept).toEqual({ [IGNORED_KEY]: { dueSoonDays: '7', marks: 'BRAND' } });
    // Read with nothing bad: no warning, and what was ignored stays kept.
    expect(readSettingsChecked(wbWithSettings(json1)).ignored).toEqual([]);
  });

  it('name at most ten fields one by one and count the rest in one line', () => {
    const lastNumbers = Object.fromEntries(Array.from({ length: 1250 }, (_, i) => [`WO-${i}`, -1]));
    const r = read({ version: 1, lastNumbers });
    expect(r.ignored).toHaveLength(1250);
    const w = settingsWarnings(r, 'en-US');
    expect(w).toHaveLength(11);
    expect(w[10]).toBe('1,240 more settings in the hidden sheet _order_clerk could not be read: ignored.');
  });
});
