import { describe, expect, it } from 'vitest';
import { isDueDate, isLate, todayInVietnam } from '../../shared/api/assignments.ts';

describe('assignment due dates', () => {
  it('accepts real calendar days written YYYY-MM-DD only', () => {
    for (const day of ['2026-12-31', '2028-02-29', '2026-01-01']) expect(isDueDate(day)).toBe(true);
    for (const bad of [
      '2026-02-29',
      '2026-13-01',
      '2026-00-10',
      '2026-1-5',
      '31/12/2026',
      '',
      '2026-12-31T00:00',
    ])
      expect(isDueDate(bad)).toBe(false);
  });

  it("counts days in Vietnam's calendar, whatever the machine's zone", () => {
    // 18:30 UTC on the 14th is already 01:30 on the 15th in Hà Nội (UTC+7).
    const now = Date.UTC(2026, 11, 14, 18, 30);
    expect(todayInVietnam(now)).toBe('2026-12-15');
    expect(isLate('2026-12-14', 'writing', now)).toBe(true);
    expect(isLate('2026-12-15', 'writing', now)).toBe(false); // the due day itself is not late
    expect(isLate('2026-12-14', 'written', now)).toBe(false); // a written section is never late
    expect(isLate(null, 'empty', now)).toBe(false);
  });
});
