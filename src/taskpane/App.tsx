// The task pane. It talks to one WorkbookPort, so the same components run in Excel and in the browser demo.

import * as React from 'react';
import {
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarActions,
  Button,
  ProgressBar,
  Spinner,
  Tab,
  TabList,
  webDarkTheme,
  webLightTheme,
  teamsHighContrastTheme,
  type Theme,
} from '@fluentui/react-components';
import { t } from '../core/i18n';
import type { WorkbookPort } from '../core/port';
import type { Lang } from '../core/types';
import { CheckPanel } from './CheckPanel';
import { DelaysPanel } from './DelaysPanel';
import { DocumentsPanel } from './DocumentsPanel';
import { SheetPanel } from './SheetPanel';
import { useStyles } from './styles';
import { usePane } from './usePane';

export type PaneTheme = 'light' | 'dark' | 'highContrast';
export type PaneTab = 'sheet' | 'check' | 'delays' | 'documents';

export interface AppProps {
  port: WorkbookPort;
  lang: Lang;
  theme: PaneTheme;
  /** ISO date the pane treats as today (the demo fixes it); default: the device's date. */
  today?: string;
}

const THEMES: Record<PaneTheme, Theme> = { light: webLightTheme, dark: webDarkTheme, highContrast: teamsHighContrastTheme };
const TABS: PaneTab[] = ['sheet', 'check', 'delays', 'documents'];

/** The device's local date as YYYY-MM-DD. */
export function localToday(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

export function App({ port, lang, theme, today }: AppProps): React.JSX.Element {
  return (
    <FluentProvider theme={THEMES[theme]} lang={lang}>
      <Pane port={port} lang={lang} today={today ?? localToday()} />
    </FluentProvider>
  );
}

function Pane({ port, lang, today }: { port: WorkbookPort; lang: Lang; today: string }): React.JSX.Element {
  const s = useStyles();
  const ctx = usePane(port, lang, today);
  const [tab, setTab] = React.useState<PaneTab>('sheet');
  const { notice, busy, progress } = ctx;

  return (
    <div className={s.root}>
      <div className={s.header}>
        <span className={s.title}>{t(lang, 'pane.title')}</span>
        {busy && <Spinner size="extra-tiny" aria-label={t(lang, 'pane.working')} />}
      </div>
      <TabList selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as PaneTab)} size="small">
        {TABS.map((k) => (
          <Tab key={k} value={k}>
            {t(lang, `pane.tab.${k}`)}
          </Tab>
        ))}
      </TabList>
      <div className={s.body}>
        {progress && progress.total > 0 && <ProgressBar value={progress.done / progress.total} />}
        {notice && (
          <MessageBar intent={notice.intent} data-testid="notice" data-intent={notice.intent}>
            <MessageBarBody>
              {notice.text}
              {notice.details && notice.details.length > 0 && (
                <ul>
                  {notice.details.map((d, n) => (
                    <li key={n}>{d}</li>
                  ))}
                </ul>
              )}
            </MessageBarBody>
            <MessageBarActions
              containerAction={
                <Button appearance="transparent" size="small" aria-label={t(lang, 'pane.dismiss')} onClick={() => ctx.setNotice(null)}>
                  ×
                </Button>
              }
            />
          </MessageBar>
        )}
        {/* Panels stay mounted so a check's results survive a look at another tab. */}
        <div hidden={tab !== 'sheet'} role="tabpanel" data-testid="panel-sheet">
          <SheetPanel ctx={ctx} />
        </div>
        <div hidden={tab !== 'check'} role="tabpanel" data-testid="panel-check">
          <CheckPanel ctx={ctx} />
        </div>
        <div hidden={tab !== 'delays'} role="tabpanel" data-testid="panel-delays">
          <DelaysPanel ctx={ctx} />
        </div>
        <div hidden={tab !== 'documents'} role="tabpanel" data-testid="panel-documents">
          <DocumentsPanel ctx={ctx} />
        </div>
      </div>
    </div>
  );
}
