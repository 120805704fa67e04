/**
 * The name to suggest after adding an area, so a run of rooms is quick to enter:
 * "Bedroom 4" → "Bedroom 5", "Room 09" → "Room 10". A name without a number suggests nothing.
 */
export function nextAreaName(name: string): string {
  const match = /^(.*?)(\d+)$/.exec(name.trim());
  if (!match) return '';
  const [, stem = '', digits = ''] = match;
  const next = String(Number(digits) + 1).padStart(digits.length, '0');
  return `${stem}${next}`;
}
