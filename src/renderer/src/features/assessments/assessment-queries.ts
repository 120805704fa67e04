import { useQueries, useQuery, type QueryClient } from '@tanstack/react-query';
import type { Output } from '../../../../shared/contract';
import { DOMAINS, type Domain } from '../../../../shared/templates';
import { call } from '../../api/call';
import { instanceKeyOf, type StoredAnswer } from './walk/model';

// An assessment's server state, one query each, shared by every screen of the assessment (the
// walkthrough, ligature register, action plan, re-checks and sign-off). Changes made on one
// screen are written into these entries, so every screen shows the same thing.

export type AnswersByKey = Readonly<Record<string, StoredAnswer>>;
type Template = Output<'templates.get'>;

export const assessmentKeys = {
  all: (id: string) => ['assessment', id] as const,
  assessment: (id: string) => ['assessment', id, 'record'] as const,
  answers: (id: string) => ['assessment', id, 'answers'] as const,
  points: (id: string) => ['assessment', id, 'points'] as const,
  actions: (id: string) => ['assessment', id, 'actions'] as const,
  photos: (id: string) => ['assessment', id, 'photos'] as const,
  fills: (id: string) => ['assessment', id, 'fills'] as const,
  rechecks: (id: string) => ['assessment', id, 'rechecks'] as const,
  score: (id: string) => ['assessment', id, 'score'] as const,
  signOffCheck: (id: string) => ['assessment', id, 'sign-off-check'] as const,
  team: (id: string) => ['assessment', id, 'team'] as const,
  conflicts: (id: string) => ['assessment', id, 'conflicts'] as const,
  ward: (id: string) => ['ward', id] as const,
  template: (key: string) => ['template', key] as const,
  photo: (id: string) => ['photo', id] as const,
};

/**
 * What an assessment holds is read when a screen first needs it and then kept: every change made
 * in the app is written into these entries as the store confirms it (a save, a fill, an undo) or
 * marks them to be read again (refreshAssessment), so they are never re-read behind a save's back
 * (a read begun before a save and ended after it would put the old answer back on screen).
 * Restoring a backup forgets them all.
 */
const KEPT = { staleTime: Infinity } as const;

export function useAssessment(id: string) {
  return useQuery({ queryKey: assessmentKeys.assessment(id), queryFn: () => call('assessments.get', { id }), ...KEPT });
}

export function useWard(id: string | undefined) {
  return useQuery({ queryKey: assessmentKeys.ward(id ?? ''), queryFn: () => call('wards.get', { id: id ?? '' }), enabled: id !== undefined });
}

/** The four pinned checklist versions: installed versions never change, so they are read once. */
export function useTemplates(pinned: Record<Domain, string> | undefined): { data: Record<Domain, Template> | undefined; error: unknown } {
  return useQueries({
    queries: DOMAINS.map((domain) => ({
      queryKey: assessmentKeys.template(pinned?.[domain] ?? ''),
      queryFn: () => call('templates.get', { key: pinned?.[domain] ?? '' }),
      enabled: pinned !== undefined,
      staleTime: Infinity,
    })),
    combine: (results) => ({
      data: results.every((r) => r.data) ? (Object.fromEntries(DOMAINS.map((d, i) => [d, results[i]!.data])) as Record<Domain, Template>) : undefined,
      error: results.find((r) => r.error)?.error ?? null,
    }),
  });
}

export async function readAnswers(assessmentId: string): Promise<AnswersByKey> {
  const list = await call('answers.list', { assessmentId });
  return Object.fromEntries(list.map((a) => [instanceKeyOf(a.itemId, a.areaId), a]));
}

/** The answers by instance key; `select` picks what a component needs, so it re-renders only when that changes. */
export function useAnswers<T = AnswersByKey>(assessmentId: string, select?: (answers: AnswersByKey) => T) {
  return useQuery({ queryKey: assessmentKeys.answers(assessmentId), queryFn: () => readAnswers(assessmentId), ...KEPT, ...(select ? { select } : {}) });
}

export function usePoints<T = Output<'ligaturePoints.list'>>(assessmentId: string, select?: (points: Output<'ligaturePoints.list'>) => T) {
  return useQuery({ queryKey: assessmentKeys.points(assessmentId), queryFn: () => call('ligaturePoints.list', { assessmentId }), ...KEPT, ...(select ? { select } : {}) });
}

export function useActions<T = Output<'actions.list'>>(assessmentId: string, select?: (actions: Output<'actions.list'>) => T) {
  return useQuery({ queryKey: assessmentKeys.actions(assessmentId), queryFn: () => call('actions.list', { assessmentId }), ...KEPT, ...(select ? { select } : {}) });
}

export function usePhotos<T = Output<'photos.list'>>(assessmentId: string, select?: (photos: Output<'photos.list'>) => T) {
  return useQuery({ queryKey: assessmentKeys.photos(assessmentId), queryFn: () => call('photos.list', { assessmentId }), ...KEPT, ...(select ? { select } : {}) });
}

export function useFills(assessmentId: string) {
  return useQuery({ queryKey: assessmentKeys.fills(assessmentId), queryFn: () => call('fills.list', { assessmentId }), ...KEPT });
}

export function useRechecks(assessmentId: string, enabled = true) {
  return useQuery({ queryKey: assessmentKeys.rechecks(assessmentId), queryFn: () => call('rechecks.list', { assessmentId }), enabled });
}

const scoreQuery = (assessmentId: string) => ({ queryKey: assessmentKeys.score(assessmentId), queryFn: () => call('assessments.score', { id: assessmentId }) });

export function useScore(assessmentId: string) {
  return useQuery(scoreQuery(assessmentId));
}

/**
 * Whether this question (item in area, or at ward level) is in conflict between devices, from the
 * live score, which names the records in conflict. Many questions watch it: a question coming on
 * screen does not read the score again (the walk's live scores keep it fresh).
 */
export function useInConflict(assessmentId: string, itemId: string, areaId: string | null): boolean {
  const query = useQuery({
    ...scoreQuery(assessmentId),
    refetchOnMount: false,
    select: (score) => score.conflicts.some((c) => c.itemId === itemId && c.areaId === areaId),
  });
  return query.data ?? false;
}

/** The team around the assessment: this device, who takes which areas, what waits to be resolved. */
export function useTeam<T = Output<'merge.status'>>(assessmentId: string, select?: (team: Output<'merge.status'>) => T) {
  return useQuery({ queryKey: assessmentKeys.team(assessmentId), queryFn: () => call('merge.status', { assessmentId }), ...KEPT, ...(select ? { select } : {}) });
}

/** Conflicts and probable duplicate areas, each version with who, when and device (read afresh each time the Resolve page opens). */
export function useConflicts(assessmentId: string) {
  return useQuery({ queryKey: assessmentKeys.conflicts(assessmentId), queryFn: () => call('merge.conflicts', { assessmentId }) });
}

/** After a file was taken or a conflict settled: anything of the assessment may have changed. */
export function forgetAssessment(client: QueryClient, assessmentId: string): Promise<void> {
  return client.invalidateQueries({ queryKey: assessmentKeys.all(assessmentId) });
}

export function useSignOffCheck(assessmentId: string) {
  return useQuery({ queryKey: assessmentKeys.signOffCheck(assessmentId), queryFn: () => call('assessments.signOffCheck', { assessmentId }) });
}

/**
 * After a change that touches more than one record (a point with its action, a fill, a re-check),
 * the assessment's lists are read again; scores and the sign-off check follow whatever changed.
 */
export function refreshAssessment(client: QueryClient, assessmentId: string, what: ('answers' | 'points' | 'actions' | 'photos' | 'fills' | 'rechecks' | 'assessment')[]): Promise<void> {
  const keys = what.map((w) => assessmentKeys[w](assessmentId));
  return Promise.all([
    ...keys.map((queryKey) => client.invalidateQueries({ queryKey })),
    client.invalidateQueries({ queryKey: assessmentKeys.score(assessmentId) }),
    client.invalidateQueries({ queryKey: assessmentKeys.signOffCheck(assessmentId) }),
  ]).then(() => undefined);
}

/** The assessment and its ward, which every assessment screen shows in its heading. */
export function useAssessmentAndWard(id: string) {
  const assessment = useAssessment(id);
  const ward = useWard(assessment.data?.wardId);
  return { assessment: assessment.data, ward: ward.data, error: assessment.error ?? ward.error };
}
