import { notifyManager, type Mutation, type QueryClient } from '@tanstack/react-query';
import type { AnswerValue } from '../../../../../shared/scoring';
import { messageOf } from '../../../api/api-error';
import { call } from '../../../api/call';
import { assessmentKeys, type AnswersByKey } from '../assessment-queries';
import type { StoredAnswer } from './model';

// Saving answers, one TanStack mutation per answer given. Saves of one question share a mutation
// scope, so they run one after another: the last thing the assessor chose is the last thing
// stored. A confirmed save writes its answer into the answers query (that one entry; nothing is
// fetched again) and asks for the live scores to be refreshed once saves pause. What a question
// shows while its latest save is on its way or has failed is tracked here per question, so a
// save re-renders that question only.

export interface AnswerDraft {
  value: AnswerValue;
  note: string | null;
  naReason: string | null;
}

/** A question's latest save while it is not yet confirmed: on its way, or refused. */
export type SaveEntry = { status: 'pending'; draft: AnswerDraft } | { status: 'error'; draft: AnswerDraft; message: string };

/** The question a save is for (an Instance of the walk fits). */
export interface SaveTarget {
  key: string;
  item: { id: string };
  areaId: string | null;
}

interface Variables {
  assessmentId: string;
  itemId: string;
  areaId: string | null;
  value: AnswerValue;
  note: string | null;
  naReason: string | null;
  assessorId: string;
}

type AnswerMutation = Mutation<StoredAnswer, unknown, Variables>;

/** After this long without a confirmed save, the live scores are read again. */
const SCORE_REFRESH_DELAY_MS = 700;

export class AnswerSaves {
  private readonly latest = new Map<string, AnswerMutation>();
  private readonly entries = new Map<string, SaveEntry>();
  private readonly listeners = new Map<string, Set<() => void>>();
  private readonly failedListeners = new Set<() => void>();
  private failedSnapshot: string[] = [];
  private scoreTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly client: QueryClient,
    private readonly assessmentId: string,
  ) {}

  /**
   * Sends one answer. Resolves with the stored answer once the store confirmed this save, it is
   * still the question's latest and the question says "Saved"; with null if it was refused or
   * overtaken by a newer save.
   */
  save(target: SaveTarget, draft: AnswerDraft, assessorId: string): Promise<StoredAnswer | null> {
    const variables: Variables = {
      assessmentId: this.assessmentId,
      itemId: target.item.id,
      areaId: target.areaId,
      value: draft.value,
      note: draft.note,
      naReason: draft.value === 'na' ? draft.naReason : null,
      assessorId,
    };
    const mutation = this.client.getMutationCache().build(this.client, {
      mutationKey: ['answer', this.assessmentId, target.key],
      scope: { id: `answer:${this.assessmentId}:${target.key}` },
      mutationFn: (input: Variables) => call('answers.record', input),
      gcTime: 0,
    }) as AnswerMutation;
    this.latest.set(target.key, mutation);
    this.setEntry(target.key, { status: 'pending', draft });
    return mutation.execute(variables).then(
      (answer) => {
        const before = this.client.getQueryData<AnswersByKey>(assessmentKeys.answers(this.assessmentId))?.[target.key];
        this.client.setQueryData<AnswersByKey>(assessmentKeys.answers(this.assessmentId), (previous) => ({ ...previous, [target.key]: answer }));
        // A filled answer given again by hand no longer stands as filled: its fill's counts change.
        if (before?.fillId) void this.client.invalidateQueries({ queryKey: assessmentKeys.fills(this.assessmentId) });
        this.refreshScoresSoon();
        if (this.latest.get(target.key) !== mutation) return null;
        this.latest.delete(target.key);
        // After the cache has told the question its new answer (its notices are queued first): it
        // goes from "Saving…" straight to "Saved: <answer>", and only then is the save done.
        return new Promise<StoredAnswer | null>((resolve) =>
          notifyManager.schedule(() => {
            if (this.latest.has(target.key)) return resolve(null);
            this.setEntry(target.key, undefined);
            resolve(answer);
          }),
        );
      },
      (error: unknown) => {
        if (this.latest.get(target.key) !== mutation) return null;
        this.setEntry(target.key, { status: 'error', draft, message: messageOf(error) });
        return null;
      },
    );
  }

  /** Sends a refused save again, as it was. */
  retry(target: SaveTarget, assessorId: string): Promise<StoredAnswer | null> {
    const entry = this.entries.get(target.key);
    return entry ? this.save(target, entry.draft, assessorId) : Promise.resolve(null);
  }

  entry(key: string): SaveEntry | undefined {
    return this.entries.get(key);
  }

  /** Questions with a save on its way (they count as answered for "next unanswered"). */
  isPending(key: string): boolean {
    return this.entries.get(key)?.status === 'pending';
  }

  /** Keys of the questions whose latest save was refused, wherever they are in the walk. */
  failedKeys(): string[] {
    return this.failedSnapshot;
  }

  subscribe(key: string, listener: () => void): () => void {
    const set = this.listeners.get(key) ?? new Set();
    set.add(listener);
    this.listeners.set(key, set);
    return () => set.delete(listener);
  }

  subscribeFailed(listener: () => void): () => void {
    this.failedListeners.add(listener);
    return () => this.failedListeners.delete(listener);
  }

  private setEntry(key: string, entry: SaveEntry | undefined): void {
    const wasFailed = this.entries.get(key)?.status === 'error';
    if (entry) this.entries.set(key, entry);
    else this.entries.delete(key);
    this.listeners.get(key)?.forEach((listener) => listener());
    if (wasFailed || entry?.status === 'error') {
      this.failedSnapshot = [...this.entries].filter(([, e]) => e.status === 'error').map(([k]) => k);
      this.failedListeners.forEach((listener) => listener());
    }
  }

  private refreshScoresSoon(): void {
    clearTimeout(this.scoreTimer);
    this.scoreTimer = setTimeout(() => {
      void this.client.invalidateQueries({ queryKey: assessmentKeys.score(this.assessmentId) });
    }, SCORE_REFRESH_DELAY_MS);
  }
}

const perClient = new WeakMap<QueryClient, Map<string, AnswerSaves>>();

/** The one save tracker of an assessment in this app (it outlives its screens, as its saves do). */
export function answerSavesFor(client: QueryClient, assessmentId: string): AnswerSaves {
  let byAssessment = perClient.get(client);
  if (!byAssessment) perClient.set(client, (byAssessment = new Map()));
  let saves = byAssessment.get(assessmentId);
  if (!saves) byAssessment.set(assessmentId, (saves = new AnswerSaves(client, assessmentId)));
  return saves;
}
