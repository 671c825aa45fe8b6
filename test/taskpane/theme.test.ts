// The pane's theme follows Office's.

import { themeFromOffice } from '../../src/taskpane/theme';

describe('themeFromOffice', () => {
  it('follows the Office theme', () => {
    expect(themeFromOffice(undefined)).toBe('light');
    expect(themeFromOffice({ bodyBackgroundColor: '#FFFFFF' })).toBe('light');
    expect(themeFromOffice({ bodyBackgroundColor: '#262626' })).toBe('dark');
    expect(themeFromOffice({ bodyBackgroundColor: '#E6E6E6', isDarkTheme: true })).toBe('dark');
    expect(themeFromOffice({ bodyBackgroundColor: '#000000', isDarkTheme: true })).toBe('highContrast');
    expect(themeFromOffice({ bodyBackgroundColor: 'not a colour' })).toBe('light');
    expect(themeFromOffice({ bodyBackgroundColor: '#FFFFFF', isDarkTheme: false, themeId: 'Colorful' })).toBe(
      'colorful',
    );
  });
});
