import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';

// Files chosen together and handled one after another (returns imported, hand-out files taken),
// each with its own outcome, and a line saying which file is being handled. What the last run
// found is kept in the app's query cache for the session: a person who goes to look at what a
// file brought and comes back still has the list of what was refused.

export interface FileRun<R> {
  /** The words when no file was chosen, e.g. "Choose one or more return files (.json)". */
  noneChosen: string;
  /** The line shown while a file is handled, e.g. "Importing a.json (1 of 3)…". */
  progress(file: File, index: number, total: number): string;
  handle(file: File): Promise<R>;
}

export function useFilesOneByOne<R>(key: readonly string[]) {
  const client = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [progress, setProgress] = useState<string | null>(null);
  // Never read from the store: a refresh of every query (after a file was taken) keeps the list.
  const results = useQuery({ queryKey: key, queryFn: () => client.getQueryData<R[]>(key) ?? [], initialData: [] as R[], staleTime: Infinity, gcTime: Infinity }).data;

  /** Handles the chosen files in order; null when none was chosen (the field then says so). */
  async function run({ noneChosen, progress: line, handle }: FileRun<R>): Promise<R[] | null> {
    const files = [...(input.current?.files ?? [])];
    if (files.length === 0) {
      setError(noneChosen);
      input.current?.focus();
      return null;
    }
    setError(null);
    const done: R[] = [];
    for (const [index, file] of files.entries()) {
      setProgress(line(file, index, files.length));
      done.push(await handle(file));
      client.setQueryData(key, [...done]);
    }
    setProgress(null);
    return done;
  }

  return { input, error, clearError: () => setError(null), progress, results, run };
}
