import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

// Who has the database file open. The desktop app, the web door and the CLI can open the same
// file at once, which SQLite handles. A restore cannot be done safely under them, though: it swaps
// the file, and a process still holding the old one would go on writing answers into a file that
// is no longer the database. So each open core leaves a small note in a folder beside the file
// (`<file>.open/`), removes it when it closes, and a restore refuses while a note from another
// live process or core is there. A note whose process has died (a crash, SIGKILL) is stale and
// removed when found.

export interface Presence {
  /** This core's note. */
  readonly id: string;
  /** Everyone else with the file open now (stale notes are removed on the way). */
  others(): PresenceNote[];
  /** Removes this core's note; safe to call twice. */
  leave(): void;
}

export interface PresenceNote {
  id: string;
  pid: number;
  door: string;
  openedAt: string;
}

const DOOR_NAMES: Record<string, string> = { ipc: 'the desktop app', http: 'the app in a browser (npm run web)', cli: 'the command line' };

/** "the command line (opened 2026-11-23 10:00 UTC, process 4242)". */
export function describeOpener(note: PresenceNote): string {
  return `${DOOR_NAMES[note.door] ?? note.door} (opened ${note.openedAt.slice(0, 16).replace('T', ' ')} UTC, process ${note.pid})`;
}

export function presenceFolder(databaseFile: string): string {
  return `${path.resolve(databaseFile)}.open`;
}

export function announcePresence(databaseFile: string, door: string, now: Date): Presence {
  const folder = presenceFolder(databaseFile);
  fs.mkdirSync(folder, { recursive: true });
  const id = `${process.pid}-${randomUUID()}`;
  const mine = path.join(folder, `${id}.json`);
  const note: PresenceNote = { id, pid: process.pid, door, openedAt: now.toISOString() };
  // Written aside and renamed into place, so a reader never sees half a note.
  fs.writeFileSync(`${mine}.tmp`, JSON.stringify(note));
  fs.renameSync(`${mine}.tmp`, mine);
  let left = false;
  return {
    id,
    others: () => readNotes(folder).filter((other) => other.id !== id),
    leave() {
      if (left) return;
      left = true;
      fs.rmSync(mine, { force: true });
    },
  };
}

function readNotes(folder: string): PresenceNote[] {
  let names: string[];
  try {
    names = fs.readdirSync(folder).filter((name) => name.endsWith('.json'));
  } catch {
    return [];
  }
  const notes: PresenceNote[] = [];
  for (const name of names) {
    const file = path.join(folder, name);
    const note = readNote(file);
    if (note === 'gone') continue;
    if (note === null || !isAlive(note.pid)) {
      // A crashed process's note, or one that cannot be read: nobody is behind it.
      fs.rmSync(file, { force: true });
      continue;
    }
    notes.push(note);
  }
  return notes;
}

function readNote(file: string): PresenceNote | null | 'gone' {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return 'gone'; // removed by its owner between listing and reading
  }
  try {
    const note = JSON.parse(text) as Partial<PresenceNote>;
    if (typeof note.id !== 'string' || typeof note.pid !== 'number' || typeof note.door !== 'string' || typeof note.openedAt !== 'string') return null;
    return note as PresenceNote;
  } catch {
    return null;
  }
}

/** Whether a process with this id is running (signal 0 checks without signalling). */
export function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else, so it is alive.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
