import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef, useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import type { Input, Output } from '../../../../shared/contract';
import { AREA_TYPE_LABELS, defaultTierFor, type AreaType } from '../../../../shared/domain/estate';
import { AreaCreate, AreaTypeSchema } from '../../../../shared/domain/estate-schemas';
import { call } from '../../api/call';
import { showServerErrors } from '../../api/server-errors';
import { useAnnounce } from '../../app/status';
import { FormErrorSummary } from '../../components/FormErrorSummary';
import { RadiosField, radioId } from '../../components/RadiosField';
import { SelectField } from '../../components/SelectField';
import { submitOnce } from '../../components/submit';
import { TextareaField } from '../../components/TextareaField';
import { TextField } from '../../components/TextField';
import { AREA_TYPE_CHOICES, TIER_CHOICES } from './area-choices';
import { nextAreaName } from './next-area-name';

type Area = Output<'areas.list'>[number];
type AreaValues = Input<'areas.create'>;

const FIELDS = ['type', 'name', 'supervisionTier', 'tierOverrideReason', 'eamsRoomCode'] as const;

/**
 * Adds an area to a ward, or changes one. The supervision tier starts at the area type's default
 * and follows the type until the assessor picks a tier; a tier other than the default asks for a
 * reason. Both modes validate with AreaCreate: its area fields and rule are AreaUpdate's too.
 */
export function AreaForm(props: {
  wardId: string;
  area?: Area;
  onSaved: (area: Area) => Promise<void>;
  onCancel?: () => void;
}) {
  const { wardId, area, onSaved, onCancel } = props;
  const announce = useAnnounce();
  const prefix = area ? 'edit-area' : 'area';
  const ids = {
    type: `${prefix}-type`,
    name: `${prefix}-name`,
    supervisionTier: radioId(`${prefix}-tier`, '1'),
    tierOverrideReason: `${prefix}-tier-reason`,
    eamsRoomCode: `${prefix}-eams-code`,
  };
  const form = useForm<AreaValues, unknown, AreaValues>({
    resolver: zodResolver(AreaCreate, undefined, { raw: true }),
    defaultValues: area ? valuesOf(area) : { wardId, name: '', tierOverrideReason: '', eamsRoomCode: '' },
    shouldFocusError: false,
  });
  const { errors, submitCount, isSubmitting } = form.formState;
  /** Set once the assessor picks a tier themselves; until then the tier follows the area type. */
  const tierChosen = useRef(area ? area.supervisionTier !== area.defaultTier : false);

  const type = AreaTypeSchema.safeParse(useWatch({ control: form.control, name: 'type' }));
  const tier = useWatch({ control: form.control, name: 'supervisionTier' });
  const defaultTier = type.success ? defaultTierFor(type.data) : undefined;
  const overridden = defaultTier !== undefined && tier !== undefined && tier !== defaultTier;

  const typeField = form.register('type', {
    onChange: (event: { target: { value: string } }) => {
      const chosen = AreaTypeSchema.safeParse(event.target.value);
      if (chosen.success && !tierChosen.current) {
        form.setValue('supervisionTier', defaultTierFor(chosen.data), { shouldValidate: form.formState.isSubmitted });
      }
    },
  });

  /** Counts areas added with this form; each one sends the cursor back to the name for the next. */
  const [added, setAdded] = useState(0);
  useEffect(() => {
    // After the reset has re-registered the fields, so the name input is there to focus.
    if (added > 0) form.setFocus('name', { shouldSelect: true });
  }, [added, form]);

  const startNext = (area: Area, areaType: AreaType) => {
    form.reset({ wardId, type: areaType, name: nextAreaName(area.name), supervisionTier: defaultTierFor(areaType), tierOverrideReason: '', eamsRoomCode: '' });
    tierChosen.current = false;
    setAdded((n) => n + 1);
  };

  const submit = form.handleSubmit(async (values) => {
    try {
      if (area) {
        const { type: areaType, name, supervisionTier, tierOverrideReason, eamsRoomCode } = values;
        const saved = await call('areas.update', { id: area.id, type: areaType, name, supervisionTier, tierOverrideReason, eamsRoomCode });
        announce(`Saved: ${saved.name}`);
        await onSaved(saved);
      } else {
        const created = await call('areas.create', values);
        await onSaved(created);
        startNext(created, values.type);
        // Said once the form is ready for the next area, so Enter straight after adds that one.
        announce(`Area added: ${created.name}`);
      }
    } catch (error) {
      showServerErrors(error, form.setError, FIELDS);
    }
  });

  return (
    <form onSubmit={submitOnce(isSubmitting, submit)} noValidate aria-label={area ? `Change ${area.name}` : 'Add an area'}>
      <FormErrorSummary errors={errors} submitCount={submitCount} targets={ids} />
      <SelectField id={ids.type} label="Area type" placeholder="Choose an area type" choices={AREA_TYPE_CHOICES} error={errors.type?.message} {...typeField} />
      <TextField id={ids.name} label="Area name" hint="For example, Bedroom 4 or Main lounge" autoComplete="off" error={errors.name?.message} {...form.register('name')} />
      <Controller
        control={form.control}
        name="supervisionTier"
        render={({ field }) => (
          <RadiosField
            idPrefix={`${prefix}-tier`}
            legend="Supervision tier"
            hint={type.success && defaultTier ? `The default for ${AREA_TYPE_LABELS[type.data].toLowerCase()} is tier ${defaultTier}.` : 'Choose the area type first: it sets the default tier.'}
            choices={TIER_CHOICES}
            checkedValue={field.value === undefined ? '' : String(field.value)}
            error={errors.supervisionTier?.message}
            inputProps={{
              name: field.name,
              onBlur: field.onBlur,
              onChange: (event) => {
                tierChosen.current = true;
                field.onChange(Number(event.target.value));
              },
            }}
          >
            {overridden && (
              <div className="nhsuk-radios__conditional">
                <TextareaField
                  id={ids.tierOverrideReason}
                  label="Reason for the tier"
                  hint={`Why this area needs tier ${tier} rather than the default, tier ${defaultTier}`}
                  error={errors.tierOverrideReason?.message}
                  {...form.register('tierOverrideReason')}
                />
              </div>
            )}
          </RadiosField>
        )}
      />
      <TextField id={ids.eamsRoomCode} label="EAMS room code (optional)" width={10} autoComplete="off" spellCheck={false} error={errors.eamsRoomCode?.message} {...form.register('eamsRoomCode')} />
      <div className="nhsuk-button-group">
        <button type="submit" className="nhsuk-button">
          {area ? 'Save area' : 'Add area'}
        </button>
        {onCancel && (
          <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}

function valuesOf(area: Area): AreaValues {
  const { wardId, type, name, supervisionTier } = area;
  return { wardId, type, name, supervisionTier, tierOverrideReason: area.tierOverrideReason ?? '', eamsRoomCode: area.eamsRoomCode ?? '' };
}
