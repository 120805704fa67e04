import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Output } from '../../../../../shared/contract';
import { AREA_TYPE_LABELS, type AreaType } from '../../../../../shared/domain/estate';
import type { TemplateItem } from '../../../../../shared/templates';
import { planCopy, planNoFindings, type FillAnswer } from '../../../../../shared/walk/fills';
import { call } from '../../../api/call';
import { ConfirmAction } from '../../../components/ConfirmAction';
import { SelectField } from '../../../components/SelectField';
import { assessmentKeys, refreshAssessment, useAnswers, useFills, type AnswersByKey } from '../assessment-queries';
import { sameDesign, type WalkArea } from './model';
import { useWalk } from './walk-context';

type FillResult = Output<'answers.fillFromSample'>;
type Fill = Output<'fills.list'>[number];

function fillAnswers(answers: AnswersByKey): FillAnswer[] {
  return Object.values(answers).map((a) => ({ itemId: a.itemId, areaId: a.areaId, value: a.value, naReason: a.naReason }));
}

function plural(type: string | null): string {
  const label = type ? (AREA_TYPE_LABELS[type as AreaType] ?? type) : 'areas';
  return `${label.toLowerCase()}${label.endsWith('s') ? '' : 's'}`;
}

/**
 * The area's shortcuts for a walk as it really goes: fill rooms of one design from a sample
 * room, mark an area walked with nothing found, and undo either. Each says exactly what it will
 * write before it writes, never overwrites an answer given, and never answers a ligature prompt
 * by "no findings".
 */
export function FillTools({ area, afterFill }: { area: WalkArea; afterFill: (kind: 'copy' | 'no_findings') => void }) {
  const walk = useWalk();
  const client = useQueryClient();
  const assessmentId = walk.assessment.id;
  const answers = useAnswers(assessmentId).data ?? {};
  const fills = useFills(assessmentId).data ?? [];
  const [open, setOpen] = useState<null | { kind: 'copy'; source: string; targets: string[] } | { kind: 'no_findings' }>(null);
  if (walk.readOnly) return null;

  const items = Object.values(walk.templates).flatMap((t) => t.items as TemplateItem[]);
  const areas = walk.assessment.areas.map((a) => ({ areaId: a.areaId, name: a.name, type: a.type, supervisionTier: a.supervisionTier }));
  const given = fillAnswers(answers);
  const siblings = sameDesign(walk.walk, area.key);
  const complete = (key: string) => (walk.walk.byArea.get(key) ?? []).every((i) => answers[i.key] !== undefined);
  const thisComplete = area.areaId !== null && complete(area.key);
  const samples = siblings.filter((s) => complete(s.key));
  const open_ = siblings.filter((s) => !complete(s.key));
  const noFindings = planNoFindings({ items, area: area.areaId === null ? null : (areas.find((a) => a.areaId === area.areaId) ?? null), answers: given });
  const mine = fills.filter((f) => f.undoneAt === null && f.answersStanding + f.pointsToConfirm > 0 && (f.areaIds.includes(area.areaId) || f.sourceAreaId === area.areaId));

  const written = async (result: FillResult, kind: 'copy' | 'no_findings') => {
    client.setQueryData<AnswersByKey>(assessmentKeys.answers(assessmentId), (previous) => {
      const next = { ...previous };
      for (const answer of result.answers) next[`${answer.itemId}@${answer.areaId ?? 'ward'}`] = answer;
      return next;
    });
    setOpen(null);
    afterFill(kind);
    await refreshAssessment(client, assessmentId, ['points', 'fills', 'assessment']);
  };

  return (
    <div className="app-fill-tools" data-testid="fill-tools">
      {open === null && (
        <div className="app-button-row">
          {thisComplete && open_.length > 0 && (
            <button type="button" id="use-as-sample" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" onClick={() => setOpen({ kind: 'copy', source: area.key, targets: open_.map((s) => s.key) })}>
              Use as the sample room for other {plural(area.type)}
            </button>
          )}
          {!thisComplete && samples.length > 0 && (
            <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" onClick={() => setOpen({ kind: 'copy', source: samples[0]!.key, targets: [area.key] })}>
              Same design as {samples[0]!.name}: fill from it
            </button>
          )}
          {noFindings.answers.length > 0 && (
            <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" onClick={() => setOpen({ kind: 'no_findings' })}>
              No findings {area.areaId === null ? 'for the whole ward' : `in ${area.name}`}
            </button>
          )}
        </div>
      )}
      {open?.kind === 'copy' && (
        <CopyConfirm
          sourceKey={open.source}
          targets={open.targets}
          candidates={walk.walk.areas.filter((a) => a.areaId !== null && a.type === area.type && a.key !== open.source)}
          samples={samples.concat(thisComplete ? [area] : [])}
          items={items}
          areas={areas}
          given={given}
          onSource={(source) => setOpen({ ...open, source, targets: open.targets.filter((t) => t !== source) })}
          onTargets={(targets) => setOpen({ ...open, targets })}
          onConfirm={async () => {
            const result = await call('answers.fillFromSample', { assessmentId, sourceAreaId: open.source, targetAreaIds: open.targets, assessorId: walk.assessorId });
            walk.say(`Filled ${open.targets.length} area${open.targets.length === 1 ? '' : 's'} from ${walk.areaName(open.source)}: ${result.answers.length} answers${result.points.length > 0 ? `, ${result.points.length} ligature points to confirm` : ''}.`);
            await written(result, 'copy');
          }}
          onCancel={() => setOpen(null)}
        />
      )}
      {open?.kind === 'no_findings' && (
        <ConfirmAction
          tone="confirm"
          title={`No findings ${area.areaId === null ? 'for the whole ward' : `in ${area.name}`}?`}
          confirmLabel={`Answer ${noFindings.answers.length} question${noFindings.answers.length === 1 ? '' : 's'} “Yes”`}
          busyLabel="Saving…"
          refusalTitle="Nothing was marked"
          onConfirm={async () => {
            const result = await call('answers.noFindings', { assessmentId, areaId: area.areaId, assessorId: walk.assessorId });
            walk.say(`No findings: ${result.answers.length} answers saved ${area.areaId === null ? 'for the whole ward' : `in ${area.name}`}.`);
            await written(result, 'no_findings');
          }}
          onCancel={() => setOpen(null)}
        >
          <p className="nhsuk-body">
            Only for {area.areaId === null ? 'a ward' : 'an area'} you have walked and found in order. The {noFindings.answers.length} unanswered yes/no question{noFindings.answers.length === 1 ? ' is' : 's are'} answered “Yes”; answers already given stay as they are.
          </p>
          <p className="nhsuk-body">
            {noFindings.left.prompts > 0 && `${noFindings.left.prompts} ligature prompt${noFindings.left.prompts === 1 ? '' : 's'} `}
            {noFindings.left.prompts > 0 && noFindings.left.judged > 0 && 'and '}
            {noFindings.left.judged > 0 && `${noFindings.left.judged} graded or measured question${noFindings.left.judged === 1 ? '' : 's'} `}
            {noFindings.left.prompts + noFindings.left.judged > 0 ? 'stay for you to answer one by one.' : 'Nothing else is left unanswered here.'} You can undo this until the answers are changed.
          </p>
        </ConfirmAction>
      )}
      {mine.length > 0 && (
        <ul className="nhsuk-list app-fills" aria-label="Answers filled in this area">
          {mine.map((fill) => (
            <FillEntry key={fill.id} fill={fill} />
          ))}
        </ul>
      )}
    </div>
  );
}

function CopyConfirm(props: {
  sourceKey: string;
  targets: string[];
  candidates: WalkArea[];
  samples: WalkArea[];
  items: TemplateItem[];
  areas: { areaId: string; name: string; type: string; supervisionTier: 1 | 2 | 3 }[];
  given: FillAnswer[];
  onSource(source: string): void;
  onTargets(targets: string[]): void;
  onConfirm(): Promise<void>;
  onCancel(): void;
}) {
  const walk = useWalk();
  const { sourceKey, targets } = props;
  const plan = planCopy({ items: props.items, areas: props.areas, answers: props.given, sourceId: sourceKey, targetIds: targets });
  const sourceName = walk.areaName(sourceKey);
  const total = plan.ok ? plan.answers.length : 0;
  return (
    <ConfirmAction
      tone="confirm"
      title={`Fill from ${sourceName}, the sample room`}
      confirmLabel={targets.length === 1 ? `Fill ${walk.areaName(targets[0]!)} from ${sourceName}` : `Fill ${targets.length} areas from ${sourceName}`}
      busyLabel="Filling…"
      refusalTitle="Nothing was filled"
      onConfirm={async () => {
        if (!plan.ok) throw new Error(plan.problem);
        if (total === 0) throw new Error('Every question is already answered in the areas chosen: nothing to fill.');
        await props.onConfirm();
      }}
      onCancel={props.onCancel}
    >
      <p className="nhsuk-body">
        For rooms built to the same design as {sourceName}. Every question still unanswered in the areas chosen is answered as in {sourceName}, and shown as copied until someone answers it again. Answers already given are kept. Notes, photos and actions stay with {sourceName}.
      </p>
      {props.samples.length > 1 && (
        <SelectField id="fill-source" label="Sample room" choices={props.samples.map((s) => ({ value: s.key, label: s.name }))} value={sourceKey} onChange={(e) => props.onSource(e.target.value)} />
      )}
      <fieldset className="nhsuk-fieldset">
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Areas to fill</legend>
        <div className="nhsuk-checkboxes nhsuk-checkboxes--small app-fill-targets">
          {props.candidates.map((candidate) => {
            const id = `fill-target-${candidate.key}`;
            const counts = plan.ok ? plan.perArea.find((p) => p.areaId === candidate.key) : undefined;
            return (
              <div className="nhsuk-checkboxes__item" key={candidate.key}>
                <input
                  className="nhsuk-checkboxes__input"
                  id={id}
                  type="checkbox"
                  checked={targets.includes(candidate.key)}
                  onChange={(e) => props.onTargets(e.target.checked ? [...targets, candidate.key] : targets.filter((t) => t !== candidate.key))}
                />
                <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={id}>
                  {candidate.name}
                  {counts && <span className="app-area-count"> — {counts.copied} to fill{counts.kept > 0 ? `, ${counts.kept} already answered (kept)` : ''}</span>}
                </label>
              </div>
            );
          })}
        </div>
      </fieldset>
      {plan.ok ? (
        <p className="nhsuk-body" data-testid="copy-plan">
          {total} answer{total === 1 ? '' : 's'} will be copied.
          {plan.riskPresent.length > 0 &&
            ` ${sourceName} has “Risk present” at ${[...new Set(plan.riskPresent.map((p) => p.itemId))].join(', ')}: its ligature points are copied into each area filled, and each copy must be confirmed in its own room before sign-off.`}
        </p>
      ) : (
        <p className="nhsuk-error-message">{plan.problem}</p>
      )}
    </ConfirmAction>
  );
}

function FillEntry({ fill }: { fill: Fill }) {
  const walk = useWalk();
  const client = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const what = fill.kind === 'copy' ? `Filled ${fill.areaIds.length === 1 ? walk.areaName(fill.areaIds[0] ?? null) : `${fill.areaIds.length} areas`} from ${walk.areaName(fill.sourceAreaId)}` : `No findings ${fill.areaIds[0] === null ? 'for the whole ward' : `in ${walk.areaName(fill.areaIds[0] ?? null)}`}`;
  const by = walk.assessorName(fill.assessorId);
  return (
    <li className="app-fill">
      <span className="nhsuk-body-s">
        {what} ({fill.answersStanding} answer{fill.answersStanding === 1 ? '' : 's'} still as filled{fill.pointsToConfirm > 0 ? `, ${fill.pointsToConfirm} ligature point${fill.pointsToConfirm === 1 ? '' : 's'} to confirm` : ''}; by {by ?? 'an assessor'}, {fill.createdAt.slice(11, 16)} UTC).{' '}
      </span>
      {!confirming ? (
        <button type="button" className="app-link-button" onClick={() => setConfirming(true)}>
          Undo<span className="nhsuk-u-visually-hidden">: {what}</span>
        </button>
      ) : (
        <ConfirmAction
          tone="confirm"
          title={`Undo: ${what}?`}
          confirmLabel="Undo it"
          busyLabel="Undoing…"
          refusalTitle="It was not undone"
          onConfirm={async () => {
            const result = await call('fills.undo', { fillId: fill.id, assessorId: walk.assessorId });
            client.setQueryData<AnswersByKey>(assessmentKeys.answers(walk.assessment.id), (previous) => {
              const next = { ...previous };
              for (const [key, answer] of Object.entries(next)) if (result.removedAnswerIds.includes(answer.id)) delete next[key];
              return next;
            });
            await refreshAssessment(client, walk.assessment.id, ['points', 'fills', 'assessment']);
            walk.say(`Undone: ${result.removedAnswerIds.length} answers removed${result.keptAnswers > 0 ? `, ${result.keptAnswers} kept (answered again, or with a photo or action)` : ''}.`);
          }}
          onCancel={() => setConfirming(false)}
        >
          <p className="nhsuk-body">Answers still as filled are removed; any answered again since, or carrying a photo or action, stay. Ligature points copied and not yet confirmed are removed too.</p>
        </ConfirmAction>
      )}
    </li>
  );
}
