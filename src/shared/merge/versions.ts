import { canonicalJson } from '../canonical-json';

// Work on one assessment done on several devices, merged record by record. Every record (an
// answer, a ligature point, an action…) keeps the versions of it that no other version known here
// supersedes. A version carries a clock: for each device, how many changes of this record made on
// that device it has seen. A version whose clock is at or above another's in every device has seen
// that other one, so it supersedes it; two versions neither of which has seen the other were made
// independently. Merging is the union of the versions, keeping only those nothing supersedes, so
// it does not depend on the order files arrive in, and a file merged twice changes nothing.
// (This is a version vector per record: see resources/docs/team-working.md.)

/** Changes of one record seen per device: device id → count. */
export type Clock = Readonly<Record<string, number>>;

export type ClockOrder = 'equal' | 'before' | 'after' | 'concurrent';

/** How clock a stands to clock b: before (b has seen a), after (a has seen b), equal or concurrent. */
export function compareClocks(a: Clock, b: Clock): ClockOrder {
  let aAhead = false;
  let bAhead = false;
  for (const device of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const x = a[device] ?? 0;
    const y = b[device] ?? 0;
    if (x > y) aAhead = true;
    else if (y > x) bAhead = true;
  }
  if (aAhead && bAhead) return 'concurrent';
  if (aAhead) return 'after';
  return bAhead ? 'before' : 'equal';
}

/** The least clock that has seen all of these. */
export function joinClocks(clocks: Iterable<Clock>): Clock {
  const joined: Record<string, number> = {};
  for (const clock of clocks) for (const [device, count] of Object.entries(clock)) joined[device] = Math.max(joined[device] ?? 0, count);
  return joined;
}

/**
 * The clock of a change made on `device` after seeing `seen`: their join, with the device's own
 * count one above any this record has ever carried for it (`all`), so it is new everywhere.
 */
export function nextClock(seen: Iterable<Clock>, device: string, all: Iterable<Clock>): Clock {
  let highest = 0;
  for (const clock of all) highest = Math.max(highest, clock[device] ?? 0);
  return { ...joinClocks(seen), [device]: highest + 1 };
}

/** One version of a record, as stored and as carried in a hand-out file. */
export interface Version<Row = unknown> {
  clock: Clock;
  /** A removal: `row` is then the record as it was when removed (shown, never restored on its own). */
  deleted: boolean;
  row: Row;
  /** The device that made this version, who was using it, and when it was recorded there. */
  device: string;
  actor: string;
  at: string;
}

/** What makes a version itself: its clock and what it says (who made it where is description). */
export function versionIdentity(version: Pick<Version, 'clock' | 'deleted' | 'row'>): string {
  return canonicalJson({ clock: version.clock, deleted: version.deleted, row: version.row });
}

/**
 * The versions nothing else in the list supersedes, each once, in a fixed order. Equal clocks with
 * different content (possible only if a device's database was put back from an old backup and it
 * reused a count) are both kept, so they show as a conflict rather than one silently winning.
 */
export function maximalVersions<V extends Version>(versions: readonly V[], identity: (v: V) => string = versionIdentity): V[] {
  const unique = new Map<string, V>();
  for (const version of versions) {
    const key = identity(version);
    const kept = unique.get(key);
    // The same version described twice (it reached here by two routes): keep one, chosen by content.
    if (!kept || describe(version) < describe(kept)) unique.set(key, version);
  }
  const all = [...unique.entries()];
  return all
    .filter(([, v]) => !all.some(([, w]) => compareClocks(w.clock, v.clock) === 'after'))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, v]) => v);
}

function describe(version: Version): string {
  return canonicalJson({ device: version.device, actor: version.actor, at: version.at });
}

/** Merges two sets of versions of one record (each already maximal): union, then what nothing supersedes. */
export function mergeVersions<V extends Version>(local: readonly V[], incoming: readonly V[], identity?: (v: V) => string): V[] {
  return maximalVersions([...local, ...incoming], identity);
}

/**
 * A record's standing once merged. `conflict` when its versions say different things (two edits,
 * or an edit and a removal): a person must choose. Versions that differ only in who and when (both
 * devices answered "yes") are not a conflict. `shown` is the version the device's live record
 * holds meanwhile: a version that keeps the record over a removal, then the latest recorded, so
 * every device holding the same versions shows the same one.
 */
export function settle<V extends Version>(versions: readonly V[], contentKey: (v: V) => string): { conflict: boolean; shown: V } {
  if (versions.length === 0) throw new Error('A record with no versions cannot be settled');
  const contents = new Set(versions.map(contentKey));
  const shown = [...versions].sort(
    (a, b) =>
      Number(a.deleted) - Number(b.deleted) ||
      (a.at > b.at ? -1 : a.at < b.at ? 1 : 0) ||
      (a.device > b.device ? -1 : a.device < b.device ? 1 : 0) ||
      (versionIdentity(a) < versionIdentity(b) ? -1 : 1),
  )[0]!;
  return { conflict: contents.size > 1, shown };
}
