// Browser demo: the task pane beside a rendered sheet, on the ExcelJS adapter over a built-in sample.
// Runs entirely in the page: no office.js, no network. Options (src/demo/options.ts): ?today=YYYY-MM-DD,
// ?lang=en-US, ?theme=dark, ?rows=10000 (a large order sheet), ?sample=odd|empty (first-run states).

import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { Button, FluentProvider, ToggleButton } from '@fluentui/react-components';
import { t } from '../core/i18n';
import type { Lang } from '../core/types';
import { App } from '../taskpane/App';
import { errorText } from '../taskpane/model';
import { fluentTheme, type PaneTheme } from '../taskpane/theme';
import { XlsxWorkbookPort } from '../xlsx/port';
import { demoOptionsFrom, type DemoOptions } from './options';
import { buildSampleWorkbook } from './sampleWorkbook';
import { SheetGrid } from './SheetGrid';

const LANGS: Lang[] = ['zh-CN', 'en-US'];
const THEMES: PaneTheme[] = ['light', 'dark'];

function download(port: XlsxWorkbookPort, lang: Lang, onError: (text: string) => void): void {
  port.toBuffer().then(
    (data) => {
      const blob = new Blob([data as BlobPart], {
        type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      });
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = 'order-clerk-demo.xlsx';
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
    },
    (e) => onError(errorText(e, lang)),
  );
}

function Demo({ port, options }: { port: XlsxWorkbookPort; options: DemoOptions }): React.JSX.Element {
  const { today } = options;
  const [lang, setLang] = React.useState<Lang>(options.lang);
  const [theme, setTheme] = React.useState<PaneTheme>(options.theme);
  const [failure, setFailure] = React.useState<string | null>(null);
  React.useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t(lang, 'demo.title');
  }, [lang]);
  return (
    <FluentProvider theme={fluentTheme(theme)} className={`demo demo-${theme}`}>
      <header className="demo-bar">
        <div>
          <h1>{t(lang, 'demo.title')}</h1>
          <p>
            {t(lang, 'demo.subtitle')} · {t(lang, 'demo.today', { today })}
            {options.rows ? ` · ${t(lang, 'demo.rows', { rows: options.rows })}` : ''}
          </p>
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
          <Button size="small" appearance="primary" onClick={() => download(port, lang, setFailure)}>
            {t(lang, 'demo.download')}
          </Button>
        </div>
      </header>
      {failure && <div className="demo-failure">{failure}</div>}
      <main className="demo-main">
        <section className="demo-sheet">
          <SheetGrid port={port} lang={lang} today={today} />
        </section>
        <aside className="demo-pane">
          <App port={port} lang={lang} theme={theme} today={today} />
        </aside>
      </main>
    </FluentProvider>
  );
}

function start(): void {
  const el = document.getElementById('root') as HTMLElement;
  const options = demoOptionsFrom(window.location.search);
  const { today, lang } = options;
  try {
    const port = new XlsxWorkbookPort(
      buildSampleWorkbook(today, { rows: options.rows ?? undefined, kind: options.sample }),
    );
    createRoot(el).render(<Demo port={port} options={options} />);
  } catch (e) {
    el.textContent = t(lang, 'demo.failed', { detail: errorText(e, lang) });
  }
}

start();
