// The demo's change-log times sit on the demo's date (?today=) with the real time of day.

import { formatLogTime } from '../../src/core/changelog';
import { demoClock, DEMO_TODAY } from '../../src/demo/options';

describe('demo clock', () => {
  it("keeps the demo's date and the real local time of day", () => {
    const real = new Date(2030, 4, 17, 14, 5, 9, 250);
    const now = demoClock(DEMO_TODAY, () => real)();
    expect(formatLogTime(now)).toBe('2026-11-22 14:05:09');
    expect(now.getMilliseconds()).toBe(250);
  });

  it('follows the real clock from one call to the next', () => {
    let t = new Date(2030, 0, 1, 23, 59, 58);
    const now = demoClock('2026-12-01', () => t);
    expect(formatLogTime(now())).toBe('2026-12-01 23:59:58');
    t = new Date(2030, 0, 2, 0, 0, 3);
    expect(formatLogTime(now())).toBe('2026-12-01 00:00:03');
  });
});
