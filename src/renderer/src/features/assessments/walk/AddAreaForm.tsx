import { zodResolver } from '@hookform/resolvers/zod';
import { useRef } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import type { Input, Output } from '../../../../../shared/contract';
import { defaultTierFor } from '../../../../../shared/domain/estate';
import { AreaTypeSchema } from '../../../../../shared/domain/estate-schemas';
import { AssessmentAddArea } from '../../../../../shared/domain/walkthrough-schemas';
import { call } from '../../../api/call';
import { showServerErrors } from '../../../api/server-errors';
import { FormErrorSummary } from '../../../components/FormErrorSummary';
import { RadiosField, radioId } from '../../../components/RadiosField';
import { SelectField } from '../../../components/SelectField';
import { submitOnce } from '../../../components/submit';
import { TextareaField } from '../../../components/TextareaField';
import { TextField } from '../../../components/TextField';
import { AREA_TYPE_CHOICES, TIER_CHOICES } from '../../areas/area-choices';

type Values = Input<'assessments.addArea'>;
const FIELDS = ['type', 'name', 'supervisionTier', 'tierOverrideReason', 'eamsRoomCode'] as const;

/** An area the register missed, added during the walkthrough (to the register and this assessment). */
export function AddAreaForm({ assessmentId, onAdded }: { assessmentId: string; onAdded: (added: Output<'assessments.addArea'>) => void }) {
  const ids = {
    type: 'walk-area-type',
    name: 'walk-area-name',
    supervisionTier: radioId('walk-area-tier', '1'),
    tierOverrideReason: 'walk-area-reason',
    eamsRoomCode: 'walk-area-eams',
  };
  const form = useForm<Values, unknown, Values>({
    resolver: zodResolver(AssessmentAddArea, undefined, { raw: true }),
    defaultValues: { assessmentId, name: '', tierOverrideReason: '', eamsRoomCode: '' },
    shouldFocusError: false,
  });
  const { errors, submitCount, isSubmitting } = form.formState;
  const tierChosen = useRef(false);
  const type = AreaTypeSchema.safeParse(useWatch({ control: form.control, name: 'type' }));
  const tier = useWatch({ control: form.control, name: 'supervisionTier' });
  const defaultTier = type.success ? defaultTierFor(type.data) : undefined;
  const typeField = form.register('type', {
    onChange: (event: { target: { value: string } }) => {
      const chosen = AreaTypeSchema.safeParse(event.target.value);
      if (chosen.success && !tierChosen.current) form.setValue('supervisionTier', defaultTierFor(chosen.data));
    },
  });

  const submit = form.handleSubmit(async (values) => {
    try {
      const added = await call('assessments.addArea', values);
      form.reset({ assessmentId, name: '', tierOverrideReason: '', eamsRoomCode: '' });
      tierChosen.current = false;
      onAdded(added);
    } catch (error) {
      showServerErrors(error, form.setError, FIELDS);
    }
  });

  return (
    <form onSubmit={submitOnce(isSubmitting, submit)} noValidate aria-label="Add an area on the spot">
      <FormErrorSummary errors={errors} submitCount={submitCount} targets={ids} />
      <SelectField id={ids.type} label="Area type" placeholder="Choose an area type" choices={AREA_TYPE_CHOICES} error={errors.type?.message} {...typeField} />
      <TextField id={ids.name} label="Area name" autoComplete="off" error={errors.name?.message} {...form.register('name')} />
      <Controller
        control={form.control}
        name="supervisionTier"
        render={({ field }) => (
          <RadiosField
            idPrefix="walk-area-tier"
            legend="Supervision tier"
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
            {defaultTier !== undefined && tier !== undefined && tier !== defaultTier && (
              <div className="nhsuk-radios__conditional">
                <TextareaField id={ids.tierOverrideReason} label="Reason for the tier" error={errors.tierOverrideReason?.message} {...form.register('tierOverrideReason')} />
              </div>
            )}
          </RadiosField>
        )}
      />
      <TextField id={ids.eamsRoomCode} label="EAMS room code (optional)" width={10} autoComplete="off" error={errors.eamsRoomCode?.message} {...form.register('eamsRoomCode')} />
      <button type="submit" className="nhsuk-button nhsuk-button--secondary">
        Add area to this assessment
      </button>
    </form>
  );
}
