import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import type { Input, Output } from '../../../../shared/contract';
import { WardCreate } from '../../../../shared/domain/estate-schemas';
import { call } from '../../api/call';
import { showServerErrors } from '../../api/server-errors';
import { useAnnounce } from '../../app/status';
import { FormErrorSummary } from '../../components/FormErrorSummary';
import { RadiosField, radioId } from '../../components/RadiosField';
import { SelectField } from '../../components/SelectField';
import { submitOnce } from '../../components/submit';
import { TextField } from '../../components/TextField';
import { href, navigate } from '../../routing/routes';
import { SEX_DESIGNATION_CHOICES, WARD_TYPE_CHOICES } from './ward-choices';

type WardValues = Input<'wards.create'>;

const FIELDS = ['name', 'type', 'bedCount', 'sexDesignation', 'block', 'eamsBlockCode'] as const;
const ids = {
  name: 'ward-name',
  type: 'ward-type',
  bedCount: 'ward-beds',
  sexDesignation: radioId('ward-sex', 'male'),
  block: 'ward-block',
  eamsBlockCode: 'ward-eams-code',
} as const;

/**
 * Adds a ward to a site (then opens it, to record its areas), or changes an existing ward's
 * details. Both validate with WardCreate: the ward fields are the same schema in WardUpdate.
 */
export function WardForm(props: { siteId: string; ward?: Output<'wards.get'>; onSaved?: () => Promise<void>; onCancel?: () => void }) {
  const { siteId, ward, onSaved, onCancel } = props;
  const announce = useAnnounce();
  const form = useForm<WardValues, unknown, WardValues>({
    resolver: zodResolver(WardCreate, undefined, { raw: true }),
    defaultValues: ward ? valuesOf(ward) : { siteId, name: '', block: '', eamsBlockCode: '' },
    shouldFocusError: false,
  });
  const { errors, submitCount, isSubmitting } = form.formState;

  useEffect(() => {
    if (ward) form.setFocus('name');
  }, [form, ward]);

  const submit = form.handleSubmit(async (values) => {
    try {
      if (ward) {
        const { name, type, bedCount, sexDesignation, block, eamsBlockCode } = values;
        const saved = await call('wards.update', { id: ward.id, name, type, bedCount, sexDesignation, block, eamsBlockCode });
        announce(`Saved: ${saved.name}`);
        await onSaved?.();
      } else {
        const created = await call('wards.create', values);
        announce(`Ward added: ${created.name}`, href.ward(created.id));
        navigate(href.ward(created.id));
      }
    } catch (error) {
      showServerErrors(error, form.setError, FIELDS);
    }
  });

  return (
    <form onSubmit={submitOnce(isSubmitting, submit)} noValidate aria-label={ward ? 'Change ward details' : 'Add a ward'}>
      <FormErrorSummary errors={errors} submitCount={submitCount} targets={ids} />
      <TextField id={ids.name} label="Ward name" autoComplete="off" error={errors.name?.message} {...form.register('name')} />
      <SelectField
        id={ids.type}
        label="Ward type"
        placeholder="Choose a ward type"
        choices={WARD_TYPE_CHOICES}
        error={errors.type?.message}
        {...form.register('type')}
      />
      <TextField
        id={ids.bedCount}
        label="Number of beds"
        width={3}
        inputMode="numeric"
        autoComplete="off"
        error={errors.bedCount?.message}
        {...form.register('bedCount', { valueAsNumber: true })}
      />
      <RadiosField
        idPrefix="ward-sex"
        legend="Sex designation"
        choices={SEX_DESIGNATION_CHOICES}
        inline
        error={errors.sexDesignation?.message}
        inputProps={form.register('sexDesignation')}
      />
      <TextField
        id={ids.block}
        label="Block or building (optional)"
        hint="For example, Mental Health Unit or Beech House"
        autoComplete="off"
        error={errors.block?.message}
        {...form.register('block')}
      />
      <TextField
        id={ids.eamsBlockCode}
        label="EAMS block code (optional)"
        hint="The block’s code in the national estates system"
        width={10}
        autoComplete="off"
        spellCheck={false}
        error={errors.eamsBlockCode?.message}
        {...form.register('eamsBlockCode')}
      />
      <div className="nhsuk-button-group">
        <button type="submit" className="nhsuk-button">
          {ward ? 'Save ward details' : 'Add ward'}
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

function valuesOf(ward: Output<'wards.get'>): WardValues {
  const { siteId, name, type, bedCount, sexDesignation } = ward;
  return { siteId, name, type, bedCount, sexDesignation, block: ward.block ?? '', eamsBlockCode: ward.eamsBlockCode ?? '' };
}
