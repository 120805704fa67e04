import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { Output } from '../../../../../shared/contract';
import type { Domain } from '../../../../../shared/templates';
import { registerFigure } from '../../../../../shared/walk/number-answers';
import { PageHeading } from '../../../app/PageHeading';
import { PageLayout } from '../../../app/PageLayout';
import { LoadFailed } from '../../../components/LoadFailed';
import { LoadingState } from '../../../components/LoadingState';
import { currentHash, href, lateWalkAddress, navigate } from '../../../routing/routes';
import { AssessmentNav } from '../AssessmentNav';
import { assessmentKeys, refreshAssessment, useAnswers, useAssessment, useRechecks, useTemplates, useWard, type AnswersByKey } from '../assessment-queries';
import { AddAreaForm } from './AddAreaForm';
import { UnsavedSummary, WalkHeader } from './WalkHeader';
import { answerSavesFor } from './answer-saves';
import { AreaQuestions, WalkBar } from './AreaPanel';
import { FillTools } from './FillTools';
import { LiveScores } from './LiveScores';
import {
  WARD_KEY,
  WARD_NAME,
  answeredOrSaving,
  buildWalk,
  dropUnwrittenPlace,
  initialPlace,
  keepUnwrittenPlace,
  nextAfterAnswer,
  nextUnanswered,
  progressOf,
  readStored,
  rememberPlace,
  rememberedPlace,
  sameDesign,
  takeUnwrittenPlace,
  unsavedInstances,
  writeStored,
  type Assessment,
  type Instance,
  type Template,
} from './model';
import { RouteList } from './RouteList';
import { cardId, WalkContext, type WalkContextValue } from './walk-context';

/** The walkthrough of one assessment: area by area along the assessor's route, every answer saved the moment it is given. */
export function WalkthroughPage({ assessmentId, area, item }: { assessmentId: string; area?: string; item?: string }) {
  const assessment = useAssessment(assessmentId);
  const ward = useWard(assessment.data?.wardId);
  const templates = useTemplates(assessment.data?.templates);
  const answers = useAnswers(assessmentId);
  const error = assessment.error ?? ward.error ?? templates.error ?? answers.error;
  if (error) return <LoadFailed what="Assessment" error={error} />;
  if (!assessment.data || !ward.data || !templates.data || !answers.data) return <LoadingState what="the assessment" />;
  return <WalkScreen assessment={assessment.data} ward={ward.data} templates={templates.data} routeArea={area} routeItem={item} />;
}

interface ScreenProps {
  assessment: Assessment;
  ward: Output<'wards.get'>;
  templates: Record<Domain, Template>;
  routeArea: string | undefined;
  routeItem: string | undefined;
}

function WalkScreen({ assessment, ward, templates, routeArea, routeItem }: ScreenProps) {
  const client = useQueryClient();
  const id = assessment.id;
  const readOnly = assessment.status === 'signed_off';
  const walk = useMemo(() => buildWalk(assessment, templates), [assessment, templates]);
  const saves = answerSavesFor(client, id);
  const rechecks = useRechecks(id, assessment.previousAssessmentId !== null && !readOnly);
  const undecided = (rechecks.data ?? []).filter((r) => r.outcome === null).length;
  const [assessorId, setAssessorId] = useState(() => {
    const remembered = readStored(`mhea:assessor:${id}`);
    return assessment.assessors.find((a) => a.id === remembered)?.id ?? assessment.assessors[0]?.id ?? '';
  });
  const [message, setMessage] = useState('');
  const answered = useCallback(() => answeredOrSaving(client.getQueryData<AnswersByKey>(assessmentKeys.answers(id)) ?? {}, (key) => saves.isPending(key)), [client, id, saves]);
  const progressSelect = useCallback((all: AnswersByKey) => progressOf(walk, { has: (key) => all[key] !== undefined }), [walk]);
  const progress = useAnswers(id, progressSelect).data ?? progressOf(walk, { has: () => false });

  // Where the assessor is: the address (or the question they had moved to in this area when the
  // page went away, before the address caught up), else where they last were, else the first unanswered.
  const [unwrittenItem] = useState(() => takeUnwrittenPlace(id, routeArea, currentHash()));
  const [initial] = useState(() => initialPlace(walk, answered(), { area: routeArea, item: unwrittenItem ?? routeItem }, routeArea ? null : rememberedPlace(id)));
  const current = walk.byArea.has(routeArea ?? '') ? (routeArea as string) : walk.byArea.has(initial.area) ? initial.area : (walk.areas[0]?.key ?? WARD_KEY);
  const area = walk.areas.find((a) => a.key === current) ?? walk.areas[0]!;
  const currentArea = useRef(current);
  currentArea.current = current;
  const lastFocused = useRef<string | null>(initial.item ?? null);
  const placeTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  /** The place not yet written: the address follows it while this page shows; the remembered place always. */
  const placePending = useRef<{ area: string; item: string; takenAt: string } | null>(null);
  const writePlace = useCallback(
    (address: boolean) => {
      const place = placePending.current;
      if (!place) return;
      placePending.current = null;
      clearTimeout(placeTimer.current);
      rememberPlace(id, place.area, place.item);
      const to = address ? lateWalkAddress({ id, ...place }, currentHash()) : null;
      if (to) window.history.replaceState(null, '', to);
    },
    [id],
  );
  useEffect(() => {
    const flush = () => {
      // The address written now is too late for a reload, which opens the address it began with.
      if (placePending.current) keepUnwrittenPlace(id, placePending.current);
      writePlace(true);
    };
    // Back from the browser's page cache, this page itself is still here: nothing needs taking.
    const shown = (event: PageTransitionEvent) => {
      if (event.persisted) dropUnwrittenPlace();
    };
    window.addEventListener('pagehide', flush);
    window.addEventListener('pageshow', shown);
    return () => {
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('pageshow', shown);
      // Leaving for another page: its address stays; only the place is remembered.
      writePlace(false);
    };
  }, [id, writePlace]);
  /** Area types whose finished room was offered as a sample room (asked once per design). */
  const offeredSample = useRef(new Set<string>());
  /** A question (or "area:<key>" for an area's first) to focus once its area is on screen. */
  const pendingFocus = useRef<string | null>(initial.item ?? null);

  useEffect(() => {
    if (!routeArea || unwrittenItem) window.history.replaceState(null, '', href.walk(id, initial.area, initial.item));
  }, [routeArea, unwrittenItem, id, initial]);

  const focusNow = useCallback(() => {
    const request = pendingFocus.current;
    if (!request) return;
    const instance = request.startsWith('area:') ? walk.byArea.get(request.slice(5))?.[0] : walk.byKey.get(request);
    if (!instance || instance.areaKey !== current) return;
    pendingFocus.current = null;
    const el = document.getElementById(cardId(instance));
    if (!el) return;
    el.scrollIntoView({ block: 'center' });
    // A number question is answered by typing: go straight to its box.
    (el.querySelector<HTMLInputElement>('input[inputmode="decimal"]:not([readonly])') ?? el).focus({ preventScroll: true });
  }, [walk, current]);
  // After the page heading took focus (its effect runs first): the question the assessor is on.
  useEffect(focusNow, [focusNow]);

  // Keep the current area in view in the (scrolling) list of areas.
  useEffect(() => {
    const link = document.querySelector<HTMLElement>('.app-area-list a[aria-current]');
    const list = link?.closest('.app-area-list');
    if (link && list) list.scrollTop = Math.max(0, link.offsetTop - list.clientHeight / 2);
  }, [current]);

  const goTo = useCallback(
    (instance: Instance) => {
      pendingFocus.current = instance.key;
      if (instance.areaKey !== current) {
        // The new address says where the assessor is going; a place still waiting to be written is stale.
        placePending.current = null;
        navigate(href.walk(id, instance.areaKey, instance.key));
      } else focusNow();
    },
    [id, current, focusNow],
  );

  const jumpToNextUnanswered = useCallback(() => {
    const next = nextUnanswered(walk, answered(), lastFocused.current);
    if (!next) {
      setMessage('Every question has an answer. Check the live scores, then go to sign-off.');
      setTimeout(() => document.getElementById('walk-sign-off-link')?.focus(), 0);
      return;
    }
    setMessage('');
    goTo(next);
  }, [walk, answered, goTo]);

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

  const context = useMemo((): WalkContextValue => {
    const names = new Map<string | null, string>([[null, WARD_NAME], ...assessment.areas.map((a) => [a.areaId, a.name] as const)]);
    const questions = new Map(Object.values(templates).flatMap((t) => t.items.map((i) => [i.id, i.question] as const)));
    const register = { bedCount: ward.bedCount };
    return {
      assessment,
      ward,
      templates,
      walk,
      readOnly,
      saves,
      assessorId,
      areaName: (areaId) => names.get(areaId) ?? 'an area no longer in this assessment',
      questionOf: (itemId) => questions.get(itemId),
      assessorName: (who) => assessment.assessors.find((a) => a.id === who)?.name,
      figureFor: (instance) => registerFigure(templates[instance.domain].templateId, instance.item.id, register, assessment.areas),
      answeredByKey: (instance, saved) => {
        lastFocused.current = instance.key;
        const following = nextAfterAnswer(walk, instance, answered());
        if (following.to === 'in-area') {
          goTo(following.instance);
          return;
        }
        // The area's last question: move on only once its answer is confirmed, so leaving the
        // area never hides a save that failed.
        void saved.then((answer) => {
          if (!answer) return;
          // The first room of a repeated design just finished: offer it as the sample for the
          // others (once per design: an assessor who goes on is not asked again).
          const area = walk.areas.find((a) => a.key === instance.areaKey);
          const done = answered();
          const others = area ? sameDesign(walk, area.key).filter((s) => (walk.byArea.get(s.key) ?? []).some((i) => !done.has(i.key))) : [];
          const sampled = (client.getQueryData<Output<'fills.list'>>(assessmentKeys.fills(id)) ?? []).some((f) => f.kind === 'copy' && f.undoneAt === null && others.some((o) => f.areaIds.includes(o.areaId)));
          if (area?.type && others.length > 0 && !sampled && !offeredSample.current.has(area.type)) {
            offeredSample.current.add(area.type);
            setMessage(`${area.name} is complete. Other ${others.length === 1 ? 'area' : `${others.length} areas`} of the same design can be filled from it; or press J for the next question.`);
            focusWhenShown('use-as-sample');
            return;
          }
          const next = nextAfterAnswer(walk, instance, done);
          if (next.to === 'unanswered') goTo(next.instance);
          else setMessage('That was the last question: every question has an answer.');
        });
      },
      focused: (instance) => {
        if (lastFocused.current === instance.key) return;
        lastFocused.current = instance.key;
        // The address and the remembered place follow the assessor a moment later: writing them on
        // every focus would sit between a click and its "Saved".
        clearTimeout(placeTimer.current);
        placePending.current = { area: instance.areaKey, item: instance.key, takenAt: currentHash() };
        placeTimer.current = setTimeout(() => writePlace(true), 250);
      },
      say: setMessage,
    };
  }, [assessment, ward, templates, walk, readOnly, saves, assessorId, goTo, answered, id, writePlace]);

  const failed = useSyncExternalStore(
    useCallback((listener) => saves.subscribeFailed(listener), [saves]),
    () => saves.failedKeys(),
  );
  const unsaved = unsavedInstances(walk, failed);

  return (
    <WalkContext.Provider value={context}>
      <PageLayout
        breadcrumbs={[
          { href: href.boards(), label: 'Estate register' },
          { href: href.ward(ward.id), label: ward.name },
        ]}
      >
        <PageHeading caption={`${ward.name} · round ${assessment.round} · ${assessment.assessedOn}`}>Walkthrough</PageHeading>
        <AssessmentNav assessment={assessment} current="walk" />
        <WalkHeader
          assessment={assessment}
          undecidedRechecks={undecided}
          assessorId={assessorId}
          onAssessor={(who) => {
            setAssessorId(who);
            writeStored(`mhea:assessor:${id}`, who);
          }}
        />
        <p className="app-walk-message nhsuk-body-s" role="status">
          {message}
        </p>

        <div className="nhsuk-grid-row app-walk-grid">
          <div className="nhsuk-grid-column-one-third app-walk-side">
            <LiveScores />
            <RouteList current={area.key} progress={progress} />
            {!readOnly && (
              <details className="nhsuk-details app-panel">
                <summary className="nhsuk-details__summary">
                  <span className="nhsuk-details__summary-text">Add an area on the spot</span>
                </summary>
                <div className="nhsuk-details__text">
                  <AddAreaForm
                    assessmentId={id}
                    onAdded={(added) => {
                      client.setQueryData(assessmentKeys.assessment(id), added.assessment);
                      void refreshAssessment(client, id, []);
                      setMessage(`Area added: ${added.area.name}`);
                      pendingFocus.current = `area:${added.area.id}`;
                      navigate(href.walk(id, added.area.id));
                    }}
                  />
                </div>
              </details>
            )}
          </div>

          <div className="nhsuk-grid-column-two-thirds app-walk-main">
            <UnsavedSummary assessmentId={id} unsaved={unsaved} walk={walk} onGo={goTo} />
            <WalkBar area={area} progress={progress} onNext={jumpToNextUnanswered} />
            <FillTools
              area={area}
              afterFill={(kind) => {
                // After "no findings" the prompts are what is left here; after filling other rooms
                // from this one, the walk goes on to the next question not yet answered (unless the
                // assessor has already gone elsewhere).
                if (currentArea.current !== area.key) return;
                const here = walk.byArea.get(area.key) ?? [];
                const next = kind === 'no_findings' ? here.find((i) => !answered().has(i.key)) : nextUnanswered(walk, answered(), here.at(-1)?.key ?? null);
                if (next) goTo(next);
              }}
            />
            <AreaQuestions area={area} />
          </div>
        </div>
      </PageLayout>
    </WalkContext.Provider>
  );
}

/** Focuses an element as soon as it is on screen (it may appear only once the store confirmed a save). */
function focusWhenShown(id: string, frames = 30): void {
  const el = document.getElementById(id);
  if (el) el.focus();
  else if (frames > 0) requestAnimationFrame(() => focusWhenShown(id, frames - 1));
}
