import type Database from 'better-sqlite3';

/**
 * What SQLite's own check of a database found, in words ("2 problems (first: …)"), or null when
 * it is sound. quick_check reads every page and checks the structure of every table and index;
 * integrity_check also checks that every index matches its table (about twice as long).
 */
export function sqliteCheckProblems(sqlite: Database.Database, check: 'quick_check' | 'integrity_check'): string | null {
  const problems = (sqlite.pragma(`${check}(5)`) as Record<string, string>[]).map((row) => row[check] ?? 'unknown');
  if (problems.length === 1 && problems[0] === 'ok') return null;
  const count = problems.length >= 5 ? 'at least 5 problems' : `${problems.length} problem${problems.length === 1 ? '' : 's'}`;
  return `${count} (first: ${problems[0] ?? 'unknown'})`;
}
