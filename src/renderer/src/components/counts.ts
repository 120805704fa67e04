/** "1 site", "3 wards". */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** "a, b and c". */
export function listInWords(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1) as string}`;
}

/** What goes with a removal, e.g. "3 sites, 12 wards and 140 areas". */
export function describeContents(contents: { sites?: number; wards?: number; areas?: number }): string {
  const parts: string[] = [];
  if (contents.sites !== undefined) parts.push(count(contents.sites, 'site'));
  if (contents.wards !== undefined) parts.push(count(contents.wards, 'ward'));
  if (contents.areas !== undefined) parts.push(count(contents.areas, 'area'));
  return listInWords(parts);
}
