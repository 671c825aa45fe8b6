// Which Fluent theme matches the Office theme the clerk uses.

import type { PaneTheme } from './App';

/** Dark or light from the Office theme's body background (Office.context.officeTheme). */
export function themeFromOffice(officeTheme: { bodyBackgroundColor?: string; isDarkTheme?: boolean } | undefined): PaneTheme {
  if (!officeTheme) return 'light';
  const hex = (officeTheme.bodyBackgroundColor ?? '').replace('#', '');
  const valid = /^[0-9a-f]{6}$/i.test(hex);
  // Pure black is what Windows high-contrast themes hand Office.
  if (valid && hex === '000000') return 'highContrast';
  if (typeof officeTheme.isDarkTheme === 'boolean') return officeTheme.isDarkTheme ? 'dark' : 'light';
  if (!valid) return 'light';
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return (0.299 * r + 0.587 * g + 0.114 * b) / 255 < 0.5 ? 'dark' : 'light';
}
