/**
 * A recorded instant (ISO UTC) as a person here reads it: "23 Nov 2026, 10:00:05", UK time (dates
 * and times shown to people are Europe/London, whatever the computer's own zone).
 */
export function instantText(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString('en-GB', { timeZone: 'Europe/London', dateStyle: 'medium', timeStyle: 'medium' });
}
