import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeVersions, nextClock, settle, versionIdentity, type Version } from '../../../src/shared/merge/versions';

// The merge rule on its own, over random edit sequences on two and three devices: edits, removals,
// choices on the Resolve screen and files passed in any order. Each change carries the set of
// changes it was made having seen (its causal past), an oracle independent of the clocks: after
// everyone has everyone's file, the versions left must be exactly the changes no later change saw.

interface Row {
  value: string;
  /** The change that made this version, and every change it had seen. */
  event: string;
  past: string[];
}
type V = Version<Row>;
type Device = Map<string, V[]>; // record → its versions

const RECORDS = ['r1', 'r2', 'r3'];
const content = (v: V) => (v.deleted ? 'deleted' : v.row.value);
const identity = (v: V) => versionIdentity({ clock: v.clock, deleted: v.deleted, row: { value: v.row.value, event: v.row.event } });

type Op =
  | { kind: 'edit'; device: number; record: number; value: string }
  | { kind: 'remove'; device: number; record: number }
  | { kind: 'resolve'; device: number; record: number; pick: number }
  | { kind: 'send'; from: number; to: number };

const op = (devices: number): fc.Arbitrary<Op> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('edit' as const), device: fc.nat(devices - 1), record: fc.nat(RECORDS.length - 1), value: fc.constantFrom('yes', 'no', 'partial') }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('remove' as const), device: fc.nat(devices - 1), record: fc.nat(RECORDS.length - 1) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('resolve' as const), device: fc.nat(devices - 1), record: fc.nat(RECORDS.length - 1), pick: fc.nat(5) }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('send' as const), from: fc.nat(devices - 1), to: fc.nat(devices - 1) }) },
  );

class World {
  readonly devices: Device[];
  readonly ids: string[];
  /** Every change ever made, by record, with what it had seen. */
  readonly log = new Map<string, { event: string; past: string[]; device: number }[]>();
  private counter = 0;
  constructor(count: number) {
    this.ids = ['device-a', 'device-b', 'device-c'].slice(0, count);
    this.devices = this.ids.map(() => new Map());
  }

  /** A change made on a device, having seen `seen` of the record's versions there. */
  change(device: number, record: string, value: string | null, seen: V[]) {
    const d = this.devices[device]!;
    const versions = d.get(record) ?? [];
    const event = `e${(this.counter += 1)}`;
    // A device's change also supersedes that device's own earlier changes of the record (its count only grows).
    const own = (this.log.get(record) ?? []).filter((m) => m.device === device).flatMap((m) => m.past);
    const past = [...new Set([event, ...seen.flatMap((v) => v.row.past), ...own])];
    this.log.set(record, [...(this.log.get(record) ?? []), { event, past, device }]);
    const version: V = {
      clock: nextClock(seen.map((v) => v.clock), this.ids[device]!, versions.map((v) => v.clock)),
      deleted: value === null,
      row: { value: value ?? '', event, past },
      device: this.ids[device]!,
      actor: 'someone',
      at: `2026-11-2${device}T10:00:00.000Z`,
    };
    d.set(record, mergeVersions(versions, [version], identity));
  }

  apply(o: Op) {
    if (o.kind === 'send') {
      this.devices[o.to] = receive(this.devices[o.to]!, this.devices[o.from]!);
      return;
    }
    const record = RECORDS[o.record]!;
    const versions = this.devices[o.device]!.get(record) ?? [];
    if (o.kind === 'resolve') {
      if (versions.length === 0) return;
      const chosen = versions[o.pick % versions.length]!;
      this.change(o.device, record, chosen.deleted ? null : chosen.row.value, versions);
      return;
    }
    // An edit or removal on the walk has seen what the device shows (the versions saying that) and
    // the device's own earlier versions, as services/merge/state.ts records it.
    const shown = versions.length > 0 ? content(settle(versions, content).shown) : null;
    const seen = versions.filter((v) => content(v) === shown || v.device === this.ids[o.device]);
    this.change(o.device, record, o.kind === 'edit' ? o.value : null, seen);
  }
}

function receive(into: Device, from: Device): Device {
  const result = new Map(into);
  for (const [record, versions] of from) result.set(record, mergeVersions(result.get(record) ?? [], versions, identity));
  return result;
}

/** A device's state, comparable: per record, its version identities and whether it is in conflict. */
function canonical(device: Device) {
  return [...device.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([record, versions]) => ({ record, versions: versions.map(identity).sort(), conflict: settle(versions, content).conflict }));
}

/** Everyone sends to everyone until nothing changes. */
function gossip(world: World) {
  for (let round = 0; round < 3; round++) for (let i = 0; i < world.devices.length; i++) for (let j = 0; j < world.devices.length; j++) world.devices[j] = receive(world.devices[j]!, world.devices[i]!);
}

const scenario = fc.integer({ min: 2, max: 3 }).chain((devices) => fc.record({ devices: fc.constant(devices), ops: fc.array(op(devices), { minLength: 1, maxLength: 40 }) }));

describe('merging versions of records (pure)', () => {
  it('is idempotent: the same file twice changes nothing', () => {
    fc.assert(
      fc.property(scenario, ({ devices, ops }) => {
        const world = new World(devices);
        ops.forEach((o) => world.apply(o));
        const once = receive(world.devices[0]!, world.devices[devices - 1]!);
        expect(canonical(receive(once, world.devices[devices - 1]!))).toEqual(canonical(once));
        expect(canonical(receive(once, once))).toEqual(canonical(once));
      }),
      { numRuns: 300 },
    );
  });

  it('is order-independent: A then B equals B then A, conflicts included', () => {
    fc.assert(
      fc.property(scenario, ({ devices, ops }) => {
        const world = new World(devices);
        ops.forEach((o) => world.apply(o));
        const [a, b, c] = [world.devices[0]!, world.devices[1]!, world.devices[devices - 1]!];
        expect(canonical(receive(receive(c, a), b))).toEqual(canonical(receive(receive(c, b), a)));
        expect(canonical(receive(a, b))).toEqual(canonical(receive(b, a)));
      }),
      { numRuns: 300 },
    );
  });

  it('loses nothing: after everyone has everyone’s file, what is left is exactly the changes no later change saw', () => {
    fc.assert(
      fc.property(scenario, ({ devices, ops }) => {
        const world = new World(devices);
        ops.forEach((o) => world.apply(o));
        gossip(world);
        const everyone = canonical(world.devices[0]!);
        for (const device of world.devices) expect(canonical(device)).toEqual(everyone);
        for (const record of RECORDS) {
          const versions = world.devices[0]!.get(record) ?? [];
          const made = world.log.get(record) ?? [];
          const superseded = new Set(made.flatMap((m) => m.past.filter((e) => e !== m.event)));
          // Left: exactly the changes no other change had seen. So every change is left or was seen by a later one.
          expect(new Set(versions.map((v) => v.row.event))).toEqual(new Set(made.map((m) => m.event).filter((e) => !superseded.has(e))));
          // Shown as a conflict exactly when the changes left say different things (a removal included).
          if (versions.length > 0) expect(settle(versions, content).conflict).toBe(new Set(versions.map(content)).size > 1);
        }
      }),
      {
        numRuns: 300,
        // Found by this test: a change after a merge must replace the device's own earlier version
        // even where that version had seen a removal the new change's shown version had not.
        examples: [[{ devices: 3, ops: [{ kind: 'edit', device: 2, record: 1, value: 'no' }, { kind: 'remove', device: 1, record: 1 }, { kind: 'send', from: 1, to: 0 }, { kind: 'edit', device: 0, record: 1, value: 'yes' }, { kind: 'send', from: 2, to: 0 }, { kind: 'edit', device: 0, record: 1, value: 'yes' }] }]],
      },
    );
  });

  it('treats the same edit on two devices as one, and an edit against a removal as a conflict', () => {
    const world = new World(2);
    world.apply({ kind: 'edit', device: 0, record: 0, value: 'no' });
    world.apply({ kind: 'send', from: 0, to: 1 });
    world.apply({ kind: 'edit', device: 0, record: 0, value: 'yes' });
    world.apply({ kind: 'edit', device: 1, record: 0, value: 'yes' });
    world.apply({ kind: 'edit', device: 0, record: 1, value: 'partial' });
    world.apply({ kind: 'send', from: 0, to: 1 });
    world.apply({ kind: 'edit', device: 0, record: 1, value: 'no' });
    world.apply({ kind: 'remove', device: 1, record: 1 });
    gossip(world);
    const [same, editRemove] = ['r1', 'r2'].map((r) => settle(world.devices[0]!.get(r)!, content));
    expect(same!.conflict).toBe(false);
    expect(world.devices[0]!.get('r1')).toHaveLength(2);
    expect(editRemove!.conflict).toBe(true);
    // Meanwhile a device shows the edit, not the removal.
    expect(editRemove!.shown.deleted).toBe(false);
  });

  it('never raises a resolved conflict again, whichever earlier file comes back', () => {
    fc.assert(
      fc.property(scenario, fc.nat(), ({ devices, ops }, pick) => {
        const world = new World(devices);
        const snapshots: Device[] = [];
        for (const o of ops) {
          world.apply(o);
          snapshots.push(...world.devices);
        }
        gossip(world);
        for (let r = 0; r < RECORDS.length; r++) world.apply({ kind: 'resolve', device: 0, record: r, pick });
        const resolved = world.devices[0]!;
        for (const versions of resolved.values()) expect(settle(versions, content).conflict).toBe(false);
        for (const old of snapshots) expect(canonical(receive(resolved, old))).toEqual(canonical(resolved));
      }),
      { numRuns: 200 },
    );
  });
});

