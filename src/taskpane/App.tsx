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
import { ImportPoPanel } from './ImportPoPanel';
import { ReReadButtons } from './ReReadButtons';
import { SelectionCard } from './SelectionCard';
import { SettingsPanel } from './SettingsPanel';
import { SheetPanel } from './SheetPanel';
import { useStyles } from './styles';
import { fluentTheme, type PaneTheme } from './theme';
import { usePane } from './usePane';
import { localIsoDate } from '../core/dates';

export type { PaneTheme } from './theme';
export type PaneTab = 'sheet' | 'check' | 'delays' | 'documents' | 'import' | 'customers' | 'settings';

export interface AppProps {
  port: WorkbookPort;
  lang: Lang;
  theme: PaneTheme;
  /** ISO date the pane treats as today (the demo fixes it); default: the device's date. */
  today?: string;
  /** The clock for change-log times (the demo keeps it on its date); default: the device's clock. */
  now?: () => Date;
}

const TABS: PaneTab[] = ['sheet', 'check', 'delays', 'documents', 'import', 'customers', 'settings'];

export function App({ port, lang, theme, today, now }: AppProps): React.JSX.Element {
  return (
    <FluentProvider theme={fluentTheme(theme)} lang={lang} data-theme={theme}>
      <Pane port={port} lang={lang} today={today ?? localIsoDate()} now={now ?? realClock} />
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

const realClock = (): Date => new Date();

function Pane({
  port,
  lang,
  today,
  now,
}: {
  port: WorkbookPort;
  lang: Lang;
  today: string;
  now: () => Date;
}): React.JSX.Element {
  const s = useStyles();
  const pane = usePane(port, lang, today, now);
  const [tab, setTab] = React.useState<PaneTab>('sheet');
  /** Tabs the clerk has opened: a panel is drawn the first time its tab is, then stays mounted. */
  const [opened, setOpened] = React.useState<ReadonlySet<PaneTab>>(() => new Set(['sheet']));
  const [made, setMade] = React.useState<GeneratedDocument[]>([]);
  const onMade = React.useCallback((docs: GeneratedDocument[]) => setMade((before) => [...docs, ...before]), []);
  // The company prompt asks once (SPEC 7): a skip holds for this session in the Documents tab and the selection card.
  const [companySkipped, setCompanySkipped] = React.useState(false);
  const companyAsk = React.useMemo(
    () => ({ skipped: companySkipped, onSkip: () => setCompanySkipped(true) }),
    [companySkipped],
  );
  const { actions, notice, progress, step, u, lines, delays, selectedRows } = pane;
  const { busy } = actions;
  const firstRun = !u && !!pane.readFailure;
  const loading = !u && !pane.readFailure;
  const reread = (
    <ReReadButtons
      lang={lang}
      busy={!!busy}
      onRefresh={() => void pane.refresh()}
      onSwitch={() => void pane.switchToActiveSheet()}
    />
  );

  return (
    <section className={s.root} aria-label={t(lang, 'pane.title')}>
      <div className={s.header}>
        <h1 className={s.title}>{t(lang, 'pane.title')}</h1>
      </div>
      {!firstRun && !loading && (
        <TabList
          selectedValue={tab}
          onTabSelect={(_, d) => {
            const next = d.value as PaneTab;
            setTab(next);
            setOpened((o) => (o.has(next) ? o : new Set([...o, next])));
            pane.setNotice(null); // a notice belongs to the tab whose action raised it
          }}
          size="small"
          className={s.tabs}
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
          <MessageBar intent={notice.intent} data-testid="notice" data-intent={notice.intent} className={s.notice}>
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
                  onClick={() => pane.setNotice(null)}
                >
                  ×
                </Button>
              }
            />
          </MessageBar>
        )}
        {loading && <Text>{t(lang, 'pane.loading')}</Text>}
        {firstRun && (
          <FirstRun
            pane={actions}
            readFailure={pane.readFailure}
            readError={pane.readError}
            selection={pane.selection}
            onPinned={pane.pinSheet}
            reread={reread}
          />
        )}
        {u && (
          <SelectionCard
            pane={actions}
            u={u}
            lines={lines}
            selectedRows={selectedRows}
            delays={delays}
            onMade={onMade}
            wb={pane.wb}
            showDocButtons={tab !== 'documents'}
            companyAsk={companyAsk}
          />
        )}
        {/* A panel is drawn once its tab is first opened (opening a large sheet draws only the first one), then stays
            mounted so a check's results survive a look at another tab. */}
        {u && (
          <>
            <TabPanel tab="sheet" shown={tab} opened={opened}>
              <SheetPanel pane={actions} u={u} readError={pane.readError} reread={reread} />
            </TabPanel>
            <TabPanel tab="check" shown={tab} opened={opened}>
              <CheckPanel pane={actions} u={u} />
            </TabPanel>
            <TabPanel tab="delays" shown={tab} opened={opened}>
              <DelaysPanel pane={actions} u={u} delays={delays} delaysError={pane.delaysError} lines={lines} />
            </TabPanel>
            <TabPanel tab="documents" shown={tab} opened={opened}>
              <DocumentsPanel
                pane={actions}
                u={u}
                wb={pane.wb}
                today={today}
                selectedRows={selectedRows}
                made={made}
                onMade={onMade}
                companyAsk={companyAsk}
              />
            </TabPanel>
            <TabPanel tab="import" shown={tab} opened={opened}>
              <ImportPoPanel pane={actions} u={u} wb={pane.wb} today={today} now={now} />
            </TabPanel>
            <TabPanel tab="customers" shown={tab} opened={opened}>
              <CustomersPanel pane={actions} u={u} wb={pane.wb} today={today} />
            </TabPanel>
            <TabPanel tab="settings" shown={tab} opened={opened}>
              <SettingsPanel pane={actions} u={u} wb={pane.wb} />
            </TabPanel>
          </>
        )}
      </div>
    </section>
  );
}

/**
 * One tab's panel: drawn from the first time its tab is opened, then mounted (hidden) so a check's results survive a
 * look at another tab.
 */
function TabPanel({
  tab,
  shown,
  opened,
  children,
}: {
  tab: PaneTab;
  shown: PaneTab;
  opened: ReadonlySet<PaneTab>;
  children: React.ReactNode;
}): React.JSX.Element {
  return (
    <div
      hidden={tab !== shown}
      role="tabpanel"
      id={`panel-${tab}`}
      aria-labelledby={`tab-${tab}`}
      data-testid={`panel-${tab}`}
    >
      {opened.has(tab) && children}
    </div>
  );
}
