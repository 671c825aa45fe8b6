// The task pane. It talks to one WorkbookPort, so the same components run in Excel and in the browser demo.

import * as React from 'react';
import {
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarActions,
  Button,
  ProgressBar,
  Tab,
  TabList,
  Text,
} from '@fluentui/react-components';
import type { GeneratedDocument } from '../core/documents';
import { t } from '../core/i18n';
import type { WorkbookPort } from '../core/port';
import type { Lang } from '../core/types';
import { CheckPanel } from './CheckPanel';
import { CustomersPanel } from './CustomersPanel';
import { DelaysPanel } from './DelaysPanel';
import { DocumentsPanel } from './DocumentsPanel';
import { FirstRun } from './FirstRun';
import { SelectionCard } from './SelectionCard';
import { SettingsPanel } from './SettingsPanel';
import { SheetPanel } from './SheetPanel';
import { useStyles } from './styles';
import { fluentTheme, type PaneTheme } from './theme';
import { usePane } from './usePane';
import { localIsoDate } from '../core/dates';

export type { PaneTheme } from './theme';
export type PaneTab = 'sheet' | 'check' | 'delays' | 'documents' | 'customers' | 'settings';

export interface AppProps {
  port: WorkbookPort;
  lang: Lang;
  theme: PaneTheme;
  /** ISO date the pane treats as today (the demo fixes it); default: the device's date. */
  today?: string;
}

const TABS: PaneTab[] = ['sheet', 'check', 'delays', 'documents', 'customers', 'settings'];

export function App({ port, lang, theme, today }: AppProps): React.JSX.Element {
  return (
    <FluentProvider theme={fluentTheme(theme)} lang={lang} data-theme={theme}>
      <Pane port={port} lang={lang} today={today ?? localIsoDate()} />
    </FluentProvider>
  );
}

/** Shown instead of the pane when this Excel cannot run it (older than the API set the add-in needs). */
export function UnsupportedPane({
  lang,
  theme,
  message,
}: {
  lang: Lang;
  theme: PaneTheme;
  message: string;
}): React.JSX.Element {
  return (
    <FluentProvider theme={fluentTheme(theme)} lang={lang}>
      <main style={{ padding: 12 }} data-testid="unsupported">
        <MessageBar intent="error">
          <MessageBarBody>{message}</MessageBarBody>
        </MessageBar>
      </main>
    </FluentProvider>
  );
}

function Pane({ port, lang, today }: { port: WorkbookPort; lang: Lang; today: string }): React.JSX.Element {
  const s = useStyles();
  const ctx = usePane(port, lang, today);
  const [tab, setTab] = React.useState<PaneTab>('sheet');
  const [made, setMade] = React.useState<GeneratedDocument[]>([]);
  const onMade = React.useCallback((docs: GeneratedDocument[]) => setMade((before) => [...docs, ...before]), []);
  const { notice, busy, progress, step, u } = ctx;
  const firstRun = !u && !!ctx.readFailure;
  const loading = !u && !ctx.readFailure;

  return (
    <section className={s.root} aria-label={t(lang, 'pane.title')}>
      <div className={s.header}>
        <h1 className={s.title}>{t(lang, 'pane.title')}</h1>
      </div>
      {!firstRun && !loading && (
        <TabList
          selectedValue={tab}
          onTabSelect={(_, d) => setTab(d.value as PaneTab)}
          size="small"
          aria-label={t(lang, 'pane.tabs')}
        >
          {TABS.map((k) => (
            <Tab key={k} value={k} id={`tab-${k}`} aria-controls={`panel-${k}`}>
              {t(lang, `pane.tab.${k}`)}
            </Tab>
          ))}
        </TabList>
      )}
      <div className={s.body}>
        <div className={s.status} role="status" aria-live="polite" data-testid="status">
          {busy && (
            <>
              <Text size={200} className={s.muted}>
                {t(lang, `pane.step.${step ?? 'read'}`)}
                {progress && progress.total > 1
                  ? ` ${t(lang, 'pane.progress', { done: progress.done, total: progress.total })}`
                  : ''}
              </Text>
              <ProgressBar
                aria-label={t(lang, 'pane.working')}
                thickness="large"
                value={progress && progress.total > 0 ? progress.done / progress.total : undefined}
                data-testid="progress"
              />
            </>
          )}
        </div>
        {notice && (
          <MessageBar intent={notice.intent} data-testid="notice" data-intent={notice.intent}>
            <MessageBarBody data-testid="notice-text">
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
                <Button
                  appearance="transparent"
                  size="small"
                  aria-label={t(lang, 'pane.dismiss')}
                  onClick={() => ctx.setNotice(null)}
                >
                  ×
                </Button>
              }
            />
          </MessageBar>
        )}
        {loading && <Text>{t(lang, 'pane.loading')}</Text>}
        {firstRun && <FirstRun ctx={ctx} />}
        {u && <SelectionCard ctx={ctx} onMade={onMade} />}
        {/* Panels stay mounted so a check's results survive a look at another tab. */}
        {u && (
          <>
            <div
              hidden={tab !== 'sheet'}
              role="tabpanel"
              id="panel-sheet"
              aria-labelledby="tab-sheet"
              data-testid="panel-sheet"
            >
              <SheetPanel ctx={ctx} />
            </div>
            <div
              hidden={tab !== 'check'}
              role="tabpanel"
              id="panel-check"
              aria-labelledby="tab-check"
              data-testid="panel-check"
            >
              <CheckPanel ctx={ctx} />
            </div>
            <div
              hidden={tab !== 'delays'}
              role="tabpanel"
              id="panel-delays"
              aria-labelledby="tab-delays"
              data-testid="panel-delays"
            >
              <DelaysPanel ctx={ctx} />
            </div>
            <div
              hidden={tab !== 'documents'}
              role="tabpanel"
              id="panel-documents"
              aria-labelledby="tab-documents"
              data-testid="panel-documents"
            >
              <DocumentsPanel ctx={ctx} made={made} onMade={onMade} />
            </div>
            <div
              hidden={tab !== 'customers'}
              role="tabpanel"
              id="panel-customers"
              aria-labelledby="tab-customers"
              data-testid="panel-customers"
            >
              <CustomersPanel ctx={ctx} />
            </div>
            <div
              hidden={tab !== 'settings'}
              role="tabpanel"
              id="panel-settings"
              aria-labelledby="tab-settings"
              data-testid="panel-settings"
            >
              <SettingsPanel ctx={ctx} />
            </div>
          </>
        )}
      </div>
    </section>
  );
}
