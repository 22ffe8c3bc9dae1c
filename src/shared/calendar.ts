/** Dates and places written the way people read them. */

/** True for a real YYYY-MM-DD date (no 31 February). */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1) return false; // there is no year 0 (PostgreSQL refuses it)
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day); // (Date.UTC would read years below 100 as 19xx)
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A date known to the year (2019), the month (2019-05) or the day (a real date, 2019-05-01). */
export function isPartialDate(value: string): boolean {
  if (/^0000/.test(value)) return false; // there is no year 0 (PostgreSQL refuses it)
  return /^\d{4}$/.test(value) || /^\d{4}-(0[1-9]|1[0-2])$/.test(value) || isCalendarDate(value);
}

export const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function parts(date: string): { year: number; month: string; day: number } {
  return { year: Number(date.slice(0, 4)), month: monthNames[Number(date.slice(5, 7)) - 1], day: Number(date.slice(8, 10)) };
}

/** "December 14–15, 2017", "March 30–April 1, 2010", "December 31, 2009–January 1, 2010" or "May 4, 2010". */
export function formatDateRange(startsOn: string, endsOn: string): string {
  const start = parts(startsOn);
  const end = parts(endsOn);
  if (startsOn === endsOn) return `${start.month} ${start.day}, ${start.year}`;
  if (start.year !== end.year) return `${start.month} ${start.day}, ${start.year}–${end.month} ${end.day}, ${end.year}`;
  if (start.month !== end.month) return `${start.month} ${start.day}–${end.month} ${end.day}, ${end.year}`;
  return `${start.month} ${start.day}–${end.day}, ${end.year}`;
}

export const stateNames: Record<string, string> = {
  AL: 'Alabama',
  AK: 'Alaska',
  AZ: 'Arizona',
  AR: 'Arkansas',
  CA: 'California',
  CO: 'Colorado',
  CT: 'Connecticut',
  DE: 'Delaware',
  DC: 'District of Columbia',
  FL: 'Florida',
  GA: 'Georgia',
  HI: 'Hawaii',
  ID: 'Idaho',
  IL: 'Illinois',
  IN: 'Indiana',
  IA: 'Iowa',
  KS: 'Kansas',
  KY: 'Kentucky',
  LA: 'Louisiana',
  ME: 'Maine',
  MD: 'Maryland',
  MA: 'Massachusetts',
  MI: 'Michigan',
  MN: 'Minnesota',
  MS: 'Mississippi',
  MO: 'Missouri',
  MT: 'Montana',
  NE: 'Nebraska',
  NV: 'Nevada',
  NH: 'New Hampshire',
  NJ: 'New Jersey',
  NM: 'New Mexico',
  NY: 'New York',
  NC: 'North Carolina',
  ND: 'North Dakota',
  OH: 'Ohio',
  OK: 'Oklahoma',
  OR: 'Oregon',
  PA: 'Pennsylvania',
  RI: 'Rhode Island',
  SC: 'South Carolina',
  SD: 'South Dakota',
  TN: 'Tennessee',
  TX: 'Texas',
  UT: 'Utah',
  VT: 'Vermont',
  VA: 'Virginia',
  WA: 'Washington',
  WV: 'West Virginia',
  WI: 'Wisconsin',
  WY: 'Wyoming',
  PR: 'Puerto Rico',
};
