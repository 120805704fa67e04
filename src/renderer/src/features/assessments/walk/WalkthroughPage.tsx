import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Output } from '../../../../../shared/contract';
import { ASSESSOR_ROLE_LABELS } from '../../../../../shared/domain/assessment-schemas';
import { DOMAINS, type Domain } from '../../../../../shared/templates';
import { call } from '../../../api/call';
import { useLoad } from '../../../api/use-load';
import { PageHeading } from '../../../app/PageHeading';
import { PageLayout } from '../../../app/PageLayout';
import { LoadFailed } from '../../../components/LoadFailed';
import { LoadingState } from '../../../components/LoadingState';
import { href, navigate } from '../../../routing/routes';
import { AssessmentNav } from '../AssessmentNav';
import { DOMAIN_LABELS } from '../labels';
import { AddAreaForm } from './AddAreaForm';
import { ItemCard, cardId } from './ItemCard';
import {
  answeredOrSaving,
  buildWalk,
  initialPlace,
  instanceKeyOf,
  nextAfterAnswer,
  nextUnanswered,
  pointsByInstance,
  progressOf,
  readStored,
  rememberPlace,
  rememberedPlace,
  unsavedInstances,
  writeStored,
  type Assessment,
  type Instance,
  type StoredAction,
  type StoredAnswer,
  type StoredPoint,
  type Template,
} from './model';
import { ScoresPanel } from './ScoresPanel';
import { useAutosave, type AnswerDraft } from './use-autosave';

type Photo = Output<'photos.list'>[number];
type Ward = Output<'wards.get'>;

interface Loaded {
  assessment: Assessment;
  ward: Ward;
  templates: Record<Domain, Template>;
  answers: StoredAnswer[];
  points: StoredPoint[];
  actions: StoredAction[];
  photos: Photo[];
  undecidedRechecks: number;
}

export async function loadAssessmentTemplates(assessment: Assessment): Promise<Record<Domain, Template>> {
  const list = await Promise.all(DOMAINS.map((d) => call('templates.get', { key: assessment.templates[d] })));
  return Object.fromEntries(DOMAINS.map((d, i) => [d, list[i]])) as Record<Domain, Template>;
}

/** The walkthrough of one assessment: area by area, every answer saved the moment it is given. */
export function WalkthroughPage({ assessmentId, area, item }: { assessmentId: string; area?: string; item?: string }) {
  const { state } = useLoad(async (): Promise<Loaded> => {
    const assessment = await call('assessments.get', { id: assessmentId });
    const [ward, templates, answers, points, actions, photos, rechecks] = await Promise.all([
      call('wards.get', { id: assessment.wardId }),
      loadAssessmentTemplates(assessment),
      call('answers.list', { assessmentId }),
      call('ligaturePoints.list', { assessmentId }),
      call('actions.list', { assessmentId }),
      call('photos.list', { assessmentId }),
      assessment.previousAssessmentId ? call('rechecks.list', { assessmentId }) : Promise.resolve([]),
    ]);
    const undecidedRechecks = rechecks.filter((r) => r.outcome === null).length;
    return { assessment, ward, templates, answers, points, actions, photos, undecidedRechecks };
  }, [assessmentId]);
  if (state.status === 'loading') return <LoadingState what="the assessment" />;
  if (state.status === 'failed') return <LoadFailed what="Assessment" error={state.error} />;
  return <Walkthrough loaded={state.data} routeArea={area} routeItem={item} />;
}

function Walkthrough({ loaded, routeArea, routeItem }: { loaded: Loaded; routeArea: string | undefined; routeItem: string | undefined }) {
  const { ward, templates } = loaded;
  const [assessment, setAssessment] = useState(loaded.assessment);
  const id = assessment.id;
  const readOnly = assessment.status === 'signed_off';
  const walk = useMemo(() => buildWalk(assessment, templates), [assessment, templates]);
  const [answers, setAnswers] = useState<ReadonlyMap<string, StoredAnswer>>(
    () => new Map(loaded.answers.map((a) => [instanceKeyOf(a.itemId, a.areaId), a])),
  );
  const [points, setPoints] = useState(loaded.points);
  const [actions, setActions] = useState<StoredAction[]>(loaded.actions);
  const [photos, setPhotos] = useState(loaded.photos);
  const [version, setVersion] = useState(0);
  const [assessorId, setAssessorId] = useState(() => {
    const remembered = readStored(`mhea:assessor:${id}`);
    return assessment.assessors.find((a) => a.id === remembered)?.id ?? assessment.assessors[0]?.id ?? '';
  });
  const [message, setMessage] = useState('');

  const onSaved = useCallback((key: string, answer: StoredAnswer) => {
    setAnswers((previous) => new Map(previous).set(key, answer));
    setVersion((v) => v + 1);
  }, []);
  const { states, save } = useAutosave(id, assessorId, onSaved);

  const progress = useMemo(() => progressOf(walk, answers), [walk, answers]);

  // Where the assessor is: the address, else where they last were, else the first unanswered.
  // Only on first render: afterwards the address follows the assessor.
  const initial = useMemo(() => initialPlace(walk, answers, { area: routeArea, item: routeItem }, routeArea ? null : rememberedPlace(id)), []);
  const currentArea = walk.byArea.has(routeArea ?? '') ? (routeArea as string) : initial.area;
  const [focusRequest, setFocusRequest] = useState<string | null>(initial.item ?? null);
  const lastFocused = useRef<string | null>(initial.item ?? null);

  useEffect(() => {
    if (!routeArea) window.history.replaceState(null, '', href.walk(id, initial.area, initial.item));
  }, [routeArea, id, initial]);

  useEffect(() => {
    if (!focusRequest) return;
    // "area:<key>" asks for the first question of an area (e.g. one just added).
    const instance = focusRequest.startsWith('area:') ? walk.byArea.get(focusRequest.slice(5))?.[0] : walk.byKey.get(focusRequest);
    if (!instance || instance.areaKey !== currentArea) return;
    const el = document.getElementById(cardId(instance));
    if (el) {
      el.scrollIntoView({ block: 'center' });
      // A number question is answered by typing: go straight to its box.
      const target = el.querySelector<HTMLInputElement>('input[inputmode="decimal"]:not([readonly])') ?? el;
      target.focus({ preventScroll: true });
    }
    setFocusRequest(null);
  }, [focusRequest, currentArea, walk]);

  // Read through refs, so the callbacks the question cards get stay the same between saves
  // (each card is memoised: one answer re-renders one card, not the whole area).
  const live = useRef({ answers, states, currentArea });
  live.current = { answers, states, currentArea };

  // Keep the current area in view in the (scrolling) list of areas.
  useEffect(() => {
    const link = document.querySelector<HTMLElement>('.app-area-list a[aria-current]');
    const list = link?.closest('.app-area-list');
    if (link && list) list.scrollTop = Math.max(0, link.offsetTop - list.clientHeight / 2);
  }, [currentArea]);

  const goTo = useCallback(
    (instance: Instance) => {
      if (instance.areaKey !== live.current.currentArea) navigate(href.walk(id, instance.areaKey, instance.key));
      setFocusRequest(instance.key);
    },
    [id],
  );

  const jumpToNextUnanswered = useCallback(() => {
    const next = nextUnanswered(walk, answeredOrSaving(live.current.answers, live.current.states), lastFocused.current);
    if (!next) {
      setMessage('Every question has an answer. Check the live scores, then go to sign-off.');
      document.getElementById('walk-sign-off-link')?.focus();
      return;
    }
    setMessage('');
    goTo(next);
  }, [walk, goTo]);

  // J anywhere outside a text box: next unanswered question.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() !== 'j' || event.altKey || event.ctrlKey || event.metaKey) return;
      const t = event.target;
      if (t instanceof HTMLTextAreaElement || t instanceof HTMLSelectElement) return;
      if (t instanceof HTMLInputElement && !['radio', 'checkbox', 'button', 'submit', 'file'].includes(t.type)) return;
      event.preventDefault();
      jumpToNextUnanswered();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [jumpToNextUnanswered]);

  const onAnsweredByKey = useCallback(
    (instance: Instance) => {
      const next = nextAfterAnswer(walk, instance, answeredOrSaving(live.current.answers, live.current.states));
      if (next.to === 'in-area') {
        setFocusRequest(next.instance.key);
        return;
      }
      lastFocused.current = instance.key;
      if (next.to === 'unanswered') goTo(next.instance);
      else setMessage('That was the last question. Every question has an answer or is being saved.');
    },
    [walk, goTo],
  );

  const onFocusItem = useCallback(
    (instance: Instance) => {
      if (lastFocused.current === instance.key) return;
      lastFocused.current = instance.key;
      rememberPlace(id, instance.areaKey, instance.key);
      window.history.replaceState(null, '', href.walk(id, instance.areaKey, instance.key));
    },
    [id],
  );

  const onSave = useCallback((instance: Instance, draft: AnswerDraft) => save(instance, draft), [save]);
  const onPointSaved = useCallback((point: StoredPoint, action: StoredAction | null) => {
    setPoints((previous) => [...previous.filter((p) => p.id !== point.id), point]);
    if (action) setActions((previous) => [...previous, action]);
    setVersion((v) => v + 1);
  }, []);
  const onActionSaved = useCallback((action: StoredAction) => {
    setActions((previous) => [...previous.filter((a) => a.id !== action.id), action]);
    setVersion((v) => v + 1);
  }, []);
  const onPhotosChanged = useCallback((owner: { answerId?: string; ligaturePointId?: string }, next: Photo[]) => {
    setPhotos((previous) => [
      ...previous.filter((p) => (owner.answerId ? p.answerId !== owner.answerId : p.ligaturePointId !== owner.ligaturePointId)),
      ...next,
    ]);
  }, []);

  const pointsOf = useMemo(() => pointsByInstance(walk, points), [points, walk]);
  const photosByOwner = useMemo(() => {
    const map = new Map<string, Photo[]>();
    for (const p of photos) {
      const key = p.answerId ?? p.ligaturePointId ?? '';
      map.set(key, [...(map.get(key) ?? []), p]);
    }
    return map;
  }, [photos]);

  const unsaved = useMemo(() => unsavedInstances(walk, states), [states, walk]);
  const areaInfo = walk.areas.find((a) => a.key === currentArea) ?? walk.areas[0]!;
  const instances = walk.byArea.get(areaInfo.key) ?? [];
  const areaCount = progress.byArea.get(areaInfo.key);
  const assessor = assessment.assessors.find((a) => a.id === assessorId);
  const EMPTY: readonly never[] = useMemo(() => [], []);
  const pointPhotos = useMemo(() => new Map([...photosByOwner].filter(([key]) => points.some((p) => p.id === key))), [photosByOwner, points]);

  return (
    <PageLayout
      breadcrumbs={[
        { href: href.boards(), label: 'Estate register' },
        { href: href.ward(ward.id), label: ward.name },
      ]}
    >
      <PageHeading caption={`${ward.name} · round ${assessment.round} · ${assessment.assessedOn}`}>Walkthrough</PageHeading>
      <AssessmentNav assessment={assessment} current="walk" />
      {readOnly && (
        <div className="nhsuk-inset-text">
          <p>
            Signed off on {assessment.signedOffAt?.slice(0, 10)} by {assessment.signedOffBy}. This assessment can no longer be changed.
          </p>
        </div>
      )}
      {!readOnly && loaded.undecidedRechecks > 0 && (
        <div className="nhsuk-inset-text">
          <p>
            This round follows a signed-off one.{' '}
            <a href={href.assessmentRechecks(id)}>
              {loaded.undecidedRechecks} re-check{loaded.undecidedRechecks === 1 ? '' : 's'} from the last round to decide
            </a>
            : its ligature points and open actions, each removed, still present or changed.
          </p>
        </div>
      )}
      {!readOnly && (
        <div className="app-walk-header">
          <div className="nhsuk-form-group nhsuk-u-margin-bottom-2">
            <label className="nhsuk-label" htmlFor="current-assessor">
              Answering as
            </label>
            <select
              className="nhsuk-select"
              id="current-assessor"
              value={assessorId}
              onChange={(e) => {
                setAssessorId(e.target.value);
                writeStored(`mhea:assessor:${id}`, e.target.value);
              }}
            >
              {assessment.assessors.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name} ({ASSESSOR_ROLE_LABELS[a.role]})
                </option>
              ))}
            </select>
          </div>
          <p className="nhsuk-body-s nhsuk-u-margin-bottom-2" data-testid="answering-as">
            Each answer records who gave it: now {assessor ? `${assessor.name}, ${ASSESSOR_ROLE_LABELS[assessor.role]}` : 'nobody'}.
          </p>
          <details className="nhsuk-details nhsuk-u-margin-bottom-2">
            <summary className="nhsuk-details__summary">
              <span className="nhsuk-details__summary-text">Keyboard shortcuts</span>
            </summary>
            <div className="nhsuk-details__text">
              <ul className="nhsuk-list nhsuk-list--bullet nhsuk-body-s">
                <li>On a question: the key shown beside an answer chooses it (1, 2, 3… or Y yes, P partial, N no, X does not apply, R risk present). The next question then gets focus.</li>
                <li>J: go to the next unanswered question, in any area.</li>
                <li>Tab and Shift+Tab move between controls; arrow keys change a chosen answer.</li>
                <li>Every answer and note is saved at once. A question says “Saved” only when the store has confirmed it.</li>
              </ul>
            </div>
          </details>
        </div>
      )}
      <p className="app-walk-message nhsuk-body-s" role="status">
        {message}
      </p>

      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-one-third app-walk-side">
          <ScoresPanel assessmentId={id} version={version} />
          <nav className="app-panel" aria-labelledby="areas-nav-heading">
            <h2 className="nhsuk-heading-s" id="areas-nav-heading">
              Areas
            </h2>
            <ul className="nhsuk-list app-area-list">
              {walk.areas.map((a) => {
                const c = progress.byArea.get(a.key) ?? { answered: 0, applicable: 0 };
                const done = c.applicable > 0 && c.answered === c.applicable;
                return (
                  <li key={a.key}>
                    <a href={href.walk(id, a.key)} aria-current={a.key === areaInfo.key ? 'location' : undefined}>
                      {a.name}
                    </a>{' '}
                    <span className="app-area-count">
                      {c.answered} of {c.applicable}
                      {done && <strong className="nhsuk-tag nhsuk-tag--green app-tag-small">Done</strong>}
                    </span>
                  </li>
                );
              })}
            </ul>
            {!readOnly && (
              <details className="nhsuk-details nhsuk-u-margin-bottom-0">
                <summary className="nhsuk-details__summary">
                  <span className="nhsuk-details__summary-text">Add an area on the spot</span>
                </summary>
                <div className="nhsuk-details__text">
                  <AddAreaForm
                    assessmentId={id}
                    onAdded={(added) => {
                      setAssessment(added.assessment);
                      setMessage(`Area added: ${added.area.name}`);
                      navigate(href.walk(id, added.area.id));
                      setFocusRequest(`area:${added.area.id}`);
                    }}
                  />
                </div>
              </details>
            )}
          </nav>
        </div>

        <div className="nhsuk-grid-column-two-thirds">
          {unsaved.length > 0 && (
            <div className="nhsuk-error-summary" role="alert" aria-labelledby="unsaved-heading">
              <h2 className="nhsuk-error-summary__title" id="unsaved-heading">
                {unsaved.length === 1 ? '1 answer is not saved' : `${unsaved.length} answers are not saved`}
              </h2>
              <div className="nhsuk-error-summary__body">
                <p>Go to each one and choose “Try again”. Until then it is not in the store.</p>
                <ul className="nhsuk-list nhsuk-error-summary__list">
                  {unsaved.map((instance) => (
                    <li key={instance.key}>
                      <a
                        href={href.walk(id, instance.areaKey, instance.key)}
                        onClick={(event) => {
                          event.preventDefault();
                          goTo(instance);
                        }}
                      >
                        {instance.item.id} in {walk.areas.find((a) => a.key === instance.areaKey)?.name ?? 'the ward'}
                      </a>
                    </li>
                  ))}
                </ul>
              </div>
            </div>
          )}
          {/* Stays at the top of the window while the assessor scrolls the area's questions. */}
          <div className="app-walk-bar">
            <h2 className="nhsuk-heading-m nhsuk-u-margin-bottom-1" id="area-heading">
              {areaInfo.name}{' '}
              <span className="app-area-count" data-testid="area-progress">
                {areaInfo.tier ? `tier ${areaInfo.tier} · ` : 'asked once for the whole ward · '}
                {areaCount?.answered ?? 0} of {areaCount?.applicable ?? 0} answered
              </span>
            </h2>
            <div className="app-walk-bar__row">
              <ul className="app-domain-progress" data-testid="domain-progress" aria-label="Progress through the ward">
                {DOMAINS.map((d) => (
                  <li key={d}>
                    {DOMAIN_LABELS[d]}: {progress.byDomain[d].answered} of {progress.byDomain[d].applicable}
                  </li>
                ))}
                <li>
                  <strong>
                    All: {progress.total.answered} of {progress.total.applicable}
                  </strong>
                </li>
              </ul>
              {!readOnly && progress.total.answered < progress.total.applicable && (
                <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-0" onClick={jumpToNextUnanswered}>
                  Next unanswered <kbd className="app-kbd">J</kbd>
                </button>
              )}
              {!readOnly && progress.total.answered === progress.total.applicable && (
                <a href={href.assessmentSignOff(id)} id="walk-sign-off-link" className="nhsuk-body-s">
                  All answered: go to sign-off
                </a>
              )}
            </div>
          </div>
          {instances.length === 0 && <p className="nhsuk-body">No question of the pinned checklists is asked in this area.</p>}
          {DOMAINS.map((domain) => {
            const mine = instances.filter((i) => i.domain === domain);
            if (mine.length === 0) return null;
            return (
              <section key={domain} aria-labelledby={`domain-${domain}`}>
                <h2 className="nhsuk-heading-s app-domain-heading" id={`domain-${domain}`}>
                  {DOMAIN_LABELS[domain]}
                </h2>
                {mine.map((instance) => {
                  const answer = answers.get(instance.key);
                  return (
                    <ItemCard
                      key={instance.key}
                      instance={instance}
                      assessmentId={id}
                      areaName={areaInfo.name}
                      areaTier={areaInfo.tier}
                      answer={answer}
                      save={states.get(instance.key)}
                      points={pointsOf.get(instance.key) ?? EMPTY}
                      actions={actions}
                      photos={(answer && photosByOwner.get(answer.id)) ?? EMPTY}
                      pointPhotos={pointPhotos}
                      assessors={assessment.assessors}
                      areas={assessment.areas}
                      assessorId={assessorId}
                      readOnly={readOnly}
                      onSave={onSave}
                      onAnsweredByKey={onAnsweredByKey}
                      onFocusItem={onFocusItem}
                      onPointSaved={onPointSaved}
                      onActionSaved={onActionSaved}
                      onPhotosChanged={onPhotosChanged}
                    />
                  );
                })}
              </section>
            );
          })}
        </div>
      </div>
    </PageLayout>
  );
}
