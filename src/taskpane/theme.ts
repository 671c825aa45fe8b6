// Which Fluent theme matches the Office theme the clerk uses, and the Fluent tokens of each.

import {
  createLightTheme,
  teamsHighContrastTheme,
  webDarkTheme,
  webLightTheme,
  type BrandVariants,
  type Theme,
} from '@fluentui/react-components';

export type PaneTheme = 'light' | 'dark' | 'colorful' | 'highContrast';

export interface OfficeThemeLike {
  bodyBackgroundColor?: string;
  isDarkTheme?: boolean;
  /** Office.ThemeId: a string ("Colorful") or the enum's number, depending on the host. */
  themeId?: unknown;
}

/** Excel's green as a Fluent brand ramp (10 = darkest … 160 = lightest), for the Colorful Office theme. */
const EXCEL_BRAND: BrandVariants = {
  10: '#020804',
  20: '#0B1F12',
  30: '#0E321C',
  40: '#0F4023',
  50: '#0F4F2B',
  60: '#0E5E33',
  70: '#0C6E3B',
  80: '#107C41',
  90: '#2E8B55',
  100: '#489A69',
  110: '#61A97E',
  120: '#79B893',
  130: '#92C7A8',
  140: '#ABD5BE',
  150: '#C5E3D3',
  160: '#DFF1E8',
};
const colorfulTheme: Theme = createLightTheme(EXCEL_BRAND);

export function fluentTheme(theme: PaneTheme): Theme {
  if (theme === 'dark') return webDarkTheme;
  if (theme === 'colorful') return colorfulTheme;
  if (theme === 'highContrast') return teamsHighContrastTheme;
  return webLightTheme;
}

/** Dark, colourful or light from the Office theme (Office.context.officeTheme). */
export function themeFromOffice(officeTheme: OfficeThemeLike | undefined): PaneTheme {
  if (!officeTheme) return 'light';
  const hex = (officeTheme.bodyBackgroundColor ?? '').replace('#', '');
  const valid = /^[0-9a-f]{6}$/i.test(hex);
  // Pure black is what Windows high-contrast themes hand Office.
  if (valid && hex === '000000') return 'highContrast';
  if (officeTheme.themeId === 'Colorful' || officeTheme.themeId === 1) return 'colorful';
  if (typeof officeTheme.isDarkTheme === 'boolean') return officeTheme.isDarkTheme ? 'dark' : 'light';
  if (!valid) return 'light';
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return (0.299 * r + 0.587 * g + 0.114 * b) / 255 < 0.5 ? 'dark' : 'light';
}
