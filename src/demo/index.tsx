// Browser demo: the task pane beside a rendered sheet, on the ExcelJS adapter over a built-in sample.
// Runs entirely in the page: no office.js, no network. ?today=YYYY-MM-DD and ?lang=en-US override the defaults.

import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { Button, FluentProvider, ToggleButton, webLightTheme } from '@fluentui/react-components';
import { t } from '../core/i18n';
import type { Lang } from '../core/types';
import { App } from '../taskpane/App';
import { errorText } from '../taskpane/model';
import { XlsxWorkbookPort } from '../xlsx/port';
import { demoOptionsFrom } from './options';
import { buildSampleWorkbook } from './sampleWorkbook';
import { SheetGrid } from './SheetGrid';

const LANGS: Lang[] = ['zh-CN', 'en-US'];

function download(port: XlsxWorkbookPort, lang: Lang, onError: (text: string) => void): void {
  port.toBuffer().then(
    (data) => {
      const blob = new Blob([data as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
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

function Demo({ port, today, initialLang }: { port: XlsxWorkbookPort; today: string; initialLang: Lang }): React.JSX.Element {
  const [lang, setLang] = React.useState<Lang>(initialLang);
  const [failure, setFailure] = React.useState<string | null>(null);
  React.useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t(lang, 'demo.title');
  }, [lang]);
  return (
    <FluentProvider theme={webLightTheme} className="demo">
      <header className="demo-bar">
        <div>
          <h1>{t(lang, 'demo.title')}</h1>
          <p>
            {t(lang, 'demo.subtitle')} · {t(lang, 'demo.today', { today })}
          </p>
        </div>
        <div className="demo-actions" role="group" aria-label={t(lang, 'demo.language')}>
          {LANGS.map((l) => (
            <ToggleButton key={l} size="small" checked={lang === l} onClick={() => setLang(l)}>
              {t(lang, `pane.lang.${l}`)}
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
          <App port={port} lang={lang} theme="light" today={today} />
        </aside>
      </main>
    </FluentProvider>
  );
}

function start(): void {
  const el = document.getElementById('root') as HTMLElement;
  const { today, lang } = demoOptionsFrom(window.location.search);
  try {
    const port = new XlsxWorkbookPort(buildSampleWorkbook(today));
    createRoot(el).render(<Demo port={port} today={today} initialLang={lang} />);
  } catch (e) {
    el.textContent = t(lang, 'demo.failed', { detail: errorText(e, lang) });
  }
}

start();
