import { formatDateRange, isCalendarDate } from './calendar';

describe('isCalendarDate', () => {
  it('accepts real dates, including the year 1 that stands for an unknown date in orderings', () => {
    expect(['2017-12-14', '2024-02-29', '0001-01-01'].map(isCalendarDate)).toEqual([true, true, true]);
  });
  it('refuses impossible ones', () => {
    expect(['2021-02-31', '2023-02-29', '2020-13-01', '20-01-01', 'yesterday', '0000-01-01'].map(isCalendarDate)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});

describe('formatDateRange', () => {
  it('writes a range within one month with the month once', () => {
    expect(formatDateRange('2017-12-14', '2017-12-15')).toBe('December 14–15, 2017');
  });
  it('writes both months when the range crosses one', () => {
    expect(formatDateRange('2010-03-30', '2010-04-01')).toBe('March 30–April 1, 2010');
  });
  it('writes both years when the range crosses one', () => {
    expect(formatDateRange('2009-12-31', '2010-01-01')).toBe('December 31, 2009–January 1, 2010');
  });
  it('writes a one-day meeting as one date', () => {
    expect(formatDateRange('2010-05-04', '2010-05-04')).toBe('May 4, 2010');
  });
});
