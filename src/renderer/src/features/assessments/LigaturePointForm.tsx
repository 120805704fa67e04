import { useEffect } from 'react';
import { useFieldArray, useForm, useWatch } from 'react-hook-form';
import type { Output } from '../../../../shared/contract';
import { LigaturePointCreate, LigaturePointUpdate } from '../../../../shared/domain/assessment-schemas';
import type { SupervisionTier } from '../../../../shared/domain/estate';
import { TIER_LIKELIHOOD_FLOOR, tierBelowAreaWithoutReason } from '../../../../shared/scoring';
import { call } from '../../api/call';
import { messageOf } from '../../api/api-error';
import { showServerErrors } from '../../api/server-errors';
import { FormErrorSummary } from '../../components/FormErrorSummary';
import { RadiosField, radioId } from '../../components/RadiosField';
import { SelectField } from '../../components/SelectField';
import { submitOnce } from '../../components/submit';
import { TextareaField } from '../../components/TextareaField';
import { TextField } from '../../components/TextField';
import { TIER_CHOICES } from '../areas/area-choices';
import { ACTION_FIELD_PARSER, actionDefaults, type ActionValues } from './ActionForm';
import { PointRiskFields, scorePreview } from './PointRiskFields';
import { ACTION_STATUS_CHOICES, ACTION_TYPE_CHOICES, HEIGHT_BAND_CHOICES, PRIORITY_CHOICES } from './labels';
import { blankToNull, issuesToErrors, parsingResolver } from './schema-resolver';

type StoredPoint = Output<'ligaturePoints.create'>;
type StoredAction = Output<'actions.create'>;

export interface PointValues {
  areaId: string;
  element: string;
  heightBand: string;
  tier: string;
  tierReason: string;
  description: string;
  controls: { kind: string; description: string }[];
  likelihoodBefore: number;
  severityBefore: number;
  likelihoodAfter: number;
  severityAfter: number;
  addAction: boolean;
  action: ActionValues;
}

const POINT_FIELDS = ['element', 'heightBand', 'tier', 'tierReason', 'description', 'likelihoodBefore', 'severityBefore', 'likelihoodAfter', 'severityAfter'] as const;

/**
 * One ligature point of the register, with the same schema (and so the same rules) as the
 * services: a tier below the area's needs a reason, every control but vigilance says what it is,
 * and the risk after controls is never above the risk before. The risks shown are the engine's:
 * a likelihood below the tier floor is raised to it, and the form says so. Staff vigilance alone
 * for a high risk is recorded as found, with a warning that it makes the ward red. A new point can
 * carry its action (type, owner, due date, status) in one go.
 */
export function LigaturePointForm(props: {
  idPrefix: string;
  assessmentId: string;
  /** The area the point is in; null for a ward-level prompt, where the assessor picks one of `areas`. */
  areaId: string | null;
  areaName: string;
  areaTier: SupervisionTier | null;
  /** The assessment's areas, offered when areaId is null. */
  areas?: readonly { areaId: string; name: string; supervisionTier: SupervisionTier }[];
  itemId: string | null;
  /** Element names the prompt suggests. */
  lookFor: readonly string[];
  assessorId: string;
  point?: StoredPoint;
  onSaved: (point: StoredPoint, action: StoredAction | null, actionError: string | null) => void;
  onCancel: () => void;
}) {
  const { idPrefix, assessmentId, areaName, itemId, lookFor, assessorId, point, onSaved, onCancel } = props;
  const areas = props.areas ?? [];
  const chooseArea = props.areaId === null && !point;
  const id = (field: string) => `${idPrefix}-${field.replace(/\./g, '-')}`;

  const tierOfArea = (areaId: string): SupervisionTier | null => props.areaTier ?? areas.find((a) => a.areaId === areaId)?.supervisionTier ?? null;

  const form = useForm<PointValues, unknown, PointValues>({
    defaultValues: {
      areaId: point?.areaId ?? props.areaId ?? '',
      element: point?.element ?? '',
      heightBand: point?.heightBand ?? '',
      tier: point ? String(point.tier) : props.areaTier ? String(props.areaTier) : '',
      tierReason: point?.tierReason ?? '',
      description: point?.description ?? '',
      controls: point?.controls ?? [],
      likelihoodBefore: point?.likelihoodBefore ?? Number.NaN,
      severityBefore: point?.severityBefore ?? Number.NaN,
      likelihoodAfter: point?.likelihoodAfter ?? Number.NaN,
      severityAfter: point?.severityAfter ?? Number.NaN,
      addAction: !point,
      action: actionDefaults(undefined, 'remove'),
    },
    resolver: parsingResolver((values: PointValues) => {
      const fields = pointFields(values);
      const parsed = point
        ? LigaturePointUpdate.safeParse({ id: point.id, ...fields, areaId: values.areaId, itemId, assessorId })
        : LigaturePointCreate.safeParse({ assessmentId, ...fields, areaId: values.areaId, itemId, assessorId });
      const rename = { controls: 'controls.root' };
      let errors = parsed.success ? {} : issuesToErrors(parsed.error.issues, [], rename);
      const area = tierOfArea(values.areaId);
      if (tierBelowAreaWithoutReason({ tier: Number(values.tier) as SupervisionTier, tierReason: values.tierReason }, area ?? undefined)) {
        errors = { ...errors, tierReason: { type: 'custom', message: `The area is tier ${area}: say why this point is at a lower tier` } };
      }
      if (!point && values.addAction) {
        const action = ACTION_FIELD_PARSER.safeParse({ ...values.action, dueDate: blankToNull(values.action.dueDate) });
        if (!action.success) errors = { ...errors, ...issuesToErrors(action.error.issues, ['action']) };
      }
      if (errors.areaId) errors = { ...errors, areaId: { type: 'custom', message: 'Choose the area where the point is' } };
      return Object.keys(errors).length === 0 ? { ok: true, value: values } : { ok: false, errors };
    }),
    shouldFocusError: false,
  });
  const { errors, submitCount, isSubmitting } = form.formState;
  // Opened from a button: the cursor goes straight to the first field.
  useEffect(() => form.setFocus('element'), [form]);
  const controls = useFieldArray({ control: form.control, name: 'controls' });
  // The error summary's lines in the order of the form's fields, each linked to its input.
  const targets: Record<string, string> = {
    areaId: id('areaId'),
    element: id('element'),
    heightBand: radioId(id('heightBand'), 'low_lying'),
    tier: radioId(id('tier'), '1'),
    tierReason: id('tierReason'),
    description: id('description'),
    'controls.root': id('controls-add'),
    ...Object.fromEntries(controls.fields.flatMap((_, i) => [`controls.${i}.kind`, `controls.${i}.description`].map((name) => [name, id(name)]))),
    likelihoodBefore: id('likelihoodBefore'),
    severityBefore: id('severityBefore'),
    likelihoodAfter: id('likelihoodAfter'),
    severityAfter: id('severityAfter'),
    'action.description': id('action.description'),
    'action.type': id('action.type'),
    'action.owner': id('action.owner'),
    'action.dueDate': id('action.dueDate'),
    'action.priority': id('action.priority'),
    'action.status': id('action.status'),
  };
  const watched = useWatch({ control: form.control });
  const chosenArea = areas.find((a) => a.areaId === watched.areaId);
  const areaTier = props.areaTier ?? chosenArea?.supervisionTier ?? null;
  const recordedTier = (Number(watched.tier) || areaTier || 1) as SupervisionTier;
  const belowArea = areaTier !== null && recordedTier < areaTier;
  // The engine's reading of the point as it stands: the tier it is scored at, floors, the band.
  const preview = scorePreview(watched, recordedTier, areaTier);
  const tier = preview?.tier ?? recordedTier;
  const floor = TIER_LIKELIHOOD_FLOOR[tier];
  const addAction = watched.addAction ?? false;

  const submit = form.handleSubmit(async (values) => {
    const fields = { ...pointFields(values), areaId: values.areaId, itemId, assessorId };
    let saved: StoredPoint;
    try {
      saved = point
        ? await call('ligaturePoints.update', { id: point.id, ...fields } as Parameters<typeof call<'ligaturePoints.update'>>[1])
        : await call('ligaturePoints.create', { assessmentId, ...fields } as Parameters<typeof call<'ligaturePoints.create'>>[1]);
    } catch (error) {
      showServerErrors(error, form.setError, POINT_FIELDS);
      return;
    }
    if (point || !values.addAction) {
      onSaved(saved, null, null);
      return;
    }
    try {
      const a = values.action;
      const action = await call('actions.create', {
        assessmentId,
        answerId: null,
        ligaturePointId: saved.id,
        type: a.type as StoredAction['type'],
        description: a.description,
        owner: a.owner,
        dueDate: blankToNull(a.dueDate),
        priority: a.priority as StoredAction['priority'],
        status: a.status as StoredAction['status'],
      });
      onSaved(saved, action, null);
    } catch (error) {
      onSaved(saved, null, `The ligature point was saved, but its action was not: ${messageOf(error)}`);
    }
  });

  const errorOf = (path: string): string | undefined => {
    const parts = path.split('.');
    let node: unknown = errors;
    for (const part of parts) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
    const message = node && typeof node === 'object' ? (node as { message?: unknown }).message : undefined;
    return typeof message === 'string' ? message : undefined;
  };

  return (
    <form onSubmit={submitOnce(isSubmitting, submit)} noValidate aria-label={point ? `Change ligature point: ${point.element}` : `Record a ligature point in ${areaName}`} className="app-inline-form">
      <FormErrorSummary errors={errors} submitCount={submitCount} targets={targets as never} />
      {chooseArea && (
        <SelectField
          id={id('areaId')}
          label="Area where the point is"
          placeholder="Choose an area"
          choices={areas.map((a) => ({ value: a.areaId, label: `${a.name} (tier ${a.supervisionTier})` }))}
          error={errorOf('areaId')}
          {...form.register('areaId', {
            onChange: (event: { target: { value: string } }) => {
              const area = areas.find((a) => a.areaId === event.target.value);
              if (area) form.setValue('tier', String(area.supervisionTier));
            },
          })}
        />
      )}
      <TextField id={id('element')} label="Fitting or element" hint="What could be used as an anchor point, e.g. Door hinges" autoComplete="off" list={id('element-suggestions')} error={errorOf('element')} {...form.register('element')} />
      <datalist id={id('element-suggestions')}>
        {lookFor.map((e) => (
          <option key={e} value={e} />
        ))}
      </datalist>
      <RadiosField
        idPrefix={id('heightBand')}
        legend="Height band"
        hint="Height never lowers the risk: a low-lying anchor point is not a low risk."
        choices={HEIGHT_BAND_CHOICES}
        error={errorOf('heightBand')}
        inputProps={form.register('heightBand')}
      />
      <RadiosField
        idPrefix={id('tier')}
        legend="Supervision tier where the point is"
        hint={areaTier ? `${chosenArea?.name ?? areaName} is tier ${areaTier} in the register. A lower tier needs a reason.` : 'Choose the area first: its tier is the starting point.'}
        choices={TIER_CHOICES}
        error={errorOf('tier')}
        inputProps={form.register('tier')}
      />
      {belowArea && (
        <div className="app-conditional">
          <TextField
            id={id('tierReason')}
            label={`Why is this point at tier ${recordedTier} when the area is tier ${areaTier}?`}
            hint="For example, the point is in a part of the room that is always supervised. The reason is shown on the register, in the report and in the return."
            autoComplete="off"
            error={errorOf('tierReason')}
            {...form.register('tierReason')}
          />
        </div>
      )}
      <TextareaField id={id('description')} label="Description" hint="Where it is and how it could be used" rows={2} error={errorOf('description')} {...form.register('description')} />

      <PointRiskFields form={form} controls={controls} id={id} errorOf={errorOf} tier={tier} floor={floor} preview={preview} />

      {!point && (
        <div className="nhsuk-form-group">
          <div className="nhsuk-checkboxes">
            <div className="nhsuk-checkboxes__item">
              <input className="nhsuk-checkboxes__input" id={id('addAction')} type="checkbox" {...form.register('addAction')} />
              <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={id('addAction')}>
                Record the action for this point now
              </label>
            </div>
          </div>
        </div>
      )}
      {!point && addAction && (
        <fieldset className="nhsuk-fieldset app-conditional">
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Action</legend>
          <TextareaField id={id('action.description')} label="What needs doing" rows={2} error={errorOf('action.description')} {...form.register('action.description')} />
          <SelectField id={id('action.type')} label="Type of action" choices={ACTION_TYPE_CHOICES} error={errorOf('action.type')} {...form.register('action.type')} />
          <TextField id={id('action.owner')} label="Owner" autoComplete="off" width={20} error={errorOf('action.owner')} {...form.register('action.owner')} />
          <TextField id={id('action.dueDate')} label="Target date" hint="For example, 2027-01-31. A high or extreme residual risk needs a dated action." autoComplete="off" width={10} error={errorOf('action.dueDate')} {...form.register('action.dueDate')} />
          <SelectField id={id('action.priority')} label="Priority" choices={PRIORITY_CHOICES} error={errorOf('action.priority')} {...form.register('action.priority')} />
          <SelectField id={id('action.status')} label="Status" choices={ACTION_STATUS_CHOICES} error={errorOf('action.status')} {...form.register('action.status')} />
        </fieldset>
      )}
      <div className="nhsuk-button-group">
        <button type="submit" className="nhsuk-button">
          {point ? 'Save ligature point' : 'Record ligature point'}
        </button>
        <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function pointFields(values: PointValues) {
  return {
    element: values.element,
    heightBand: values.heightBand,
    tier: Number(values.tier),
    tierReason: blankToNull(values.tierReason),
    description: values.description,
    controls: values.controls,
    likelihoodBefore: values.likelihoodBefore,
    severityBefore: values.severityBefore,
    likelihoodAfter: values.likelihoodAfter,
    severityAfter: values.severityAfter,
  };
}
