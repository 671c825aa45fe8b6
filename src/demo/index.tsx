// The web page: the task pane beside a rendered sheet, over the clerk's own .xlsx/.xlsm (file picker or drag and
// drop, read in the page with the streaming reader; saved with "Save as…" through the package-preserving writer)
// or the built-in sample (ExcelJS, loaded on demand). Runs entirely in the page: no office.js, no network; once
// loaded over http(s) its service worker keeps it working offline (src/demo/offline.ts).
// Options (src/demo/options.ts): ?today=YYYY-MM-DD, ?lang=en-US, ?theme=dark, ?rows=10000 (a large order sheet),
// ?sample=odd|empty (first-run states).

import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { Button, FluentProvider, ToggleButton } from '@fluentui/react-components';
import { t } from '../core/i18n';
import type { Lang } from '../core/types';
import { App } from '../taskpane/App';
import { errorText } from '../taskpane/model';
import { fluentTheme, type PaneTheme } from '../taskpane/theme';
import type { XlsxWorkbookPort } from '../xlsx/port';
import { OPENABLE, saveBytes, saveName } from './files';
import { registerOfflineWorker } from './offline';
import { applyInWorker, readFileSnapshot, startReader } from './readInWorker';
import { demoClock, demoOptionsFrom, type DemoOptions } from './options';
import { SheetGrid } from './SheetGrid';

const LANGS: Lang[] = ['zh-CN', 'en-US'];
const THEMES: PaneTheme[] = ['light', 'dark'];

/** The built-in sample (ExcelJS and the sample are loaded on demand: the first view carries neither). */
async function samplePort(options: DemoOptions): Promise<XlsxWorkbookPort> {
  const [{ XlsxWorkbookPort }, { buildSampleWorkbook }] = await Promise.all([
    import('../xlsx/port'),
    import('./sampleWorkbook'),
  ]);
  return new XlsxWorkbookPort(
    buildSampleWorkbook(options.today, { rows: options.rows ?? undefined, kind: options.sample }),
  );
}

/** The clerk's own file: read in the reading worker (readInWorker.ts) while the page keeps its bytes for saving. */
async function filePort(file: File): Promise<XlsxWorkbookPort> {
  performance.mark('oc:open');
  const bytes = file.arrayBuffer().then((b) => new Uint8Array(b));
  const [snapshot, kept, { XlsxWorkbookPort }] = await Promise.all([
    readFileSnapshot(file, bytes),
    bytes,
    import('../xlsx/port'),
  ]);
  performance.mark('oc:read');
  return new XlsxWorkbookPort(null, kept, snapshot, file.name, applyInWorker);
}

function Demo({ options }: { options: DemoOptions }): React.JSX.Element {
  const { today } = options;
  const clock = React.useMemo(() => demoClock(today), [today]);
  const [lang, setLang] = React.useState<Lang>(options.lang);
  const [theme, setTheme] = React.useState<PaneTheme>(options.theme);
  const [failure, setFailure] = React.useState<string | null>(null);
  // Each opened workbook gets a fresh grid and pane (their state belongs to the workbook).
  const [{ port, generation }, setOpened] = React.useState<{ port: XlsxWorkbookPort | null; generation: number }>({
    port: null,
    generation: 0,
  });
  const [busy, setBusy] = React.useState<string | null>(null);
  const [unsaved, setUnsaved] = React.useState(false);
  const [dragging, setDragging] = React.useState(false);
  const input = React.useRef<HTMLInputElement>(null);

  React.useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t(lang, 'demo.title');
  }, [lang]);

  const load = React.useCallback(
    (make: () => Promise<XlsxWorkbookPort>, label: string | null) => {
      setFailure(null);
      setBusy(label);
      make().then(
        (p) => {
          setOpened((o) => ({ port: p, generation: o.generation + 1 }));
          setUnsaved(false);
          setBusy(null);
        },
        (e) => {
          setBusy(null);
          setFailure(
            label
              ? t(lang, 'demo.openFailed', { file: label, detail: errorText(e, lang) })
              : t(lang, 'demo.failed', { detail: errorText(e, lang) }),
          );
        },
      );
    },
    [lang],
  );

  // The README's first command opens the page on the built-in sample.
  React.useEffect(() => load(() => samplePort(options), null), []); // eslint-disable-line react-hooks/exhaustive-deps

  // Unsaved work: follow the port's edits, and ask before the tab closes.
  React.useEffect(() => {
    if (!port) return;
    return port.subscribe(() => setUnsaved(port.hasUnsavedChanges()));
  }, [port]);
  React.useEffect(() => {
    if (!unsaved) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = ''; // older Chromium asks only when returnValue is set
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);

  const openFile = (file: File | undefined) => {
    if (file) load(() => filePort(file), file.name);
  };
  const save = () => {
    if (!port) return;
    const opened = port.excelWorkbook ? 'order-clerk-demo.xlsx' : port.fileName;
    port
      .toBuffer()
      .then(async (bytes) => ({ bytes, saved: await saveBytes(bytes, saveName(opened)) }))
      .then(
        ({ bytes, saved }) => {
          if (!saved) return;
          port.markSaved(bytes);
          setUnsaved(port.hasUnsavedChanges());
        },
        (e) => setFailure(errorText(e, lang)),
      );
  };

  const fileName = port && !port.excelWorkbook ? port.fileName : null;
  return (
    <FluentProvider
      theme={fluentTheme(theme)}
      className={`demo demo-${theme}${dragging ? ' demo-dragging' : ''}`}
      onDragOver={(e) => {
        if (!e.dataTransfer.types.includes('Files')) return;
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(e) => {
        if (e.currentTarget === e.target) setDragging(false);
      }}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        openFile(e.dataTransfer.files[0]);
      }}
    >
      <header className="demo-bar">
        <div>
          <h1>{t(lang, 'demo.title')}</h1>
          <p>
            {fileName ? t(lang, 'demo.fileSubtitle', { file: fileName }) : t(lang, 'demo.subtitle')} ·{' '}
            {t(lang, 'demo.today', { today })}
            {!fileName && options.rows ? ` · ${t(lang, 'demo.rows', { rows: options.rows })}` : ''}
            {unsaved ? ` · ${t(lang, 'demo.unsaved')}` : ''}
          </p>
          <p data-testid="local-only">{t(lang, 'demo.local')}</p>
        </div>
        <div className="demo-actions">
          <input
            ref={input}
            type="file"
            accept={OPENABLE}
            hidden
            data-testid="open-file"
            onChange={(e) => {
              openFile(e.target.files?.[0]);
              e.target.value = '';
            }}
          />
          <Button size="small" appearance="primary" onClick={() => input.current?.click()}>
            {t(lang, 'demo.open')}
          </Button>
          <Button size="small" disabled={!port} onClick={save}>
            {t(lang, 'demo.saveAs')}
          </Button>
          <Button size="small" onClick={() => load(() => samplePort({ ...options, sample: 'orders' }), null)}>
            {t(lang, 'demo.sample')}
          </Button>
          <Button size="small" onClick={() => load(() => samplePort({ ...options, sample: 'en' }), null)}>
            {t(lang, 'demo.sampleEn')}
          </Button>
        </div>
        <div className="demo-actions" role="group" aria-label={t(lang, 'demo.language')}>
          {LANGS.map((l) => (
            <ToggleButton key={l} size="small" checked={lang === l} onClick={() => setLang(l)}>
              {t(lang, `pane.lang.${l}`)}
            </ToggleButton>
          ))}
        </div>
        <div className="demo-actions" role="group" aria-label={t(lang, 'demo.theme')}>
          {THEMES.map((th) => (
            <ToggleButton key={th} size="small" checked={theme === th} onClick={() => setTheme(th)}>
              {t(lang, `demo.theme.${th}`)}
            </ToggleButton>
          ))}
        </div>
      </header>
      {failure && <div className="demo-failure">{failure}</div>}
      {busy && <div className="demo-busy">{t(lang, 'demo.opening', { file: busy })}</div>}
      {dragging && <div className="demo-drop">{t(lang, 'demo.drop')}</div>}
      <main className="demo-main">
        {port ? (
          <React.Fragment key={generation}>
            <section className="demo-sheet">
              <SheetGrid port={port} lang={lang} today={today} />
            </section>
            <aside className="demo-pane">
              <App port={port} lang={lang} theme={theme} today={today} now={clock} />
            </aside>
          </React.Fragment>
        ) : (
          <div className="grid-empty">{t(lang, 'demo.loading')}</div>
        )}
      </main>
    </FluentProvider>
  );
}

function start(): void {
  const el = document.getElementById('root') as HTMLElement;
  const options = demoOptionsFrom(window.location.search);
  createRoot(el).render(<Demo options={options} />);
  registerOfflineWorker();
  // The reading worker loads and compiles once the page has settled, so opening a file does not wait for it.
  window.addEventListener('load', () => setTimeout(startReader, 500), { once: true });
}

start();
