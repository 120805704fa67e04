// Calendar dates as people in Scotland read them. "Today", "overdue" and every date shown to a
// person is the date on the wall in Europe/London, never the UTC date: in summer time UTC is an
// hour behind, so from midnight to 1 am the UTC date is still yesterday. Stored instants stay ISO
// UTC; only the calendar date is local. This is the one place that turns an instant into a date.

// Made on first use: creating it loads the time zone data, about 9 ms of a start that may never
// need a date (the web door's start to its first answer does not).
let london: Intl.DateTimeFormat | undefined;

/** The calendar date (YYYY-MM-DD) in Europe/London at this instant. */
export function londonDate(instant: Date): string {
  london ??= new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });
  const parts = Object.fromEntries(london.formatToParts(instant).map((p) => [p.type, p.value]));
  return `${parts['year']}-${parts['month']}-${parts['day']}`;
}

/** The London calendar date of an ISO timestamp ("2026-06-30T23:30:00Z" → "2026-07-01"). */
export function londonDateOf(isoTimestamp: string): string {
  return londonDate(new Date(isoTimestamp));
}

/** The financial year (round) a date falls in: years start on 1 April, so 2026-11-20 → "2026/27". */
export function financialYearOf(isoDate: string): string {
  const year = Number(isoDate.slice(0, 4));
  const start = Number(isoDate.slice(5, 7)) >= 4 ? year : year - 1;
  return `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
}

/** An ISO date moved by whole days (calendar arithmetic, no time zone involved). */
export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00.000Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}-${String(date.getUTCDate()).padStart(2, '0')}`;
}
