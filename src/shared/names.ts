// Names as people sort them: "Bedroom 2" before "Bedroom 10", and capitals or accents aside
// ("lounge" beside "Lounge"). One collator for every list of wards, areas and rooms.

// Made on first use: the first collator loads the collation data, about 5 ms of a start that may
// sort nothing before its first answer.
let collator: Intl.Collator | undefined;

export function compareNames(a: string, b: string): number {
  collator ??= new Intl.Collator('en-GB', { numeric: true, sensitivity: 'base' });
  return collator.compare(a, b);
}
