import { zodResolver } from '@hookform/resolvers/zod';
import { useFieldArray, useForm, type UseFormRegisterReturn } from 'react-hook-form';
import type { Input, Output } from '../../../../shared/contract';
import { financialYearOf, londonDate, londonDateOf } from '../../../../shared/dates';
import { AssessmentDetailsUpdate, AssessmentStart } from '../../../../shared/domain/assessment-schemas';
import { call } from '../../api/call';
import { showServerErrors } from '../../api/server-errors';
import { useLoad } from '../../api/use-load';
import { PageHeading } from '../../app/PageHeading';
import { PageLayout } from '../../app/PageLayout';
import { FormColumn } from '../../components/FormColumn';
import { FormErrorSummary } from '../../components/FormErrorSummary';
import { LoadFailed } from '../../components/LoadFailed';
import { LoadingState } from '../../components/LoadingState';
import { RadiosField, radioId } from '../../components/RadiosField';
import { SelectField } from '../../components/SelectField';
import { submitOnce } from '../../components/submit';
import { TextField } from '../../components/TextField';
import { href, navigate } from '../../routing/routes';
import { ROLE_CHOICES } from './labels';

type Values = Input<'assessments.start'>;
type FormValues = Omit<Values, 'announced'> & { announced: string };

type DetailsValues = Omit<Input<'assessments.updateDetails'>, 'announced'> & { announced: string };

/**
 * The schema's own rules (date format, round = financial year of the date) plus the one it cannot
 * know: the date is not after today in Europe/London (the service checks the same).
 */
function detailsResolver<T extends { assessedOn: string; announced: string }>(schema: typeof AssessmentStart | typeof AssessmentDetailsUpdate) {
  return async (values: T, context: unknown, options: unknown) => {
    const announced = values.announced === 'yes' ? true : values.announced === 'no' ? false : undefined;
    const result = await zodResolver(schema)({ ...values, announced } as never, context, options as never);
    const errors = result.errors as Record<string, { message?: string; type?: string } | undefined>;
    // The schema's own message speaks of a boolean; the form asks a question.
    if (errors.announced) errors.announced = { ...errors.announced, message: 'Say whether the visit was announced' };
    const today = londonDate(new Date());
    if (!errors.assessedOn && /^\d{4}-\d{2}-\d{2}$/.test(values.assessedOn) && values.assessedOn > today) {
      errors.assessedOn = { type: 'custom', message: `The assessment date cannot be in the future (today is ${today})` };
      return { values: {}, errors } as never;
    }
    return result as never;
  };
}

/** Starting an assessment of a ward: the date, round, assessors and whether the visit was announced. */
export function StartAssessmentPage({ wardId }: { wardId: string }) {
  const { state, reload } = useLoad('assessment-start', async () => {
    const [ward, assessments] = await Promise.all([call('wards.get', { id: wardId }), call('assessments.listForWard', { wardId })]);
    return { ward, assessments };
  }, [wardId]);
  if (state.status === 'loading') return <LoadingState what="the ward" />;
  if (state.status === 'failed') return <LoadFailed what="Ward" error={state.error} />;
  const { ward, assessments } = state.data;
  const previous = assessments.filter((a) => a.status === 'signed_off').sort((a, b) => b.assessedOn.localeCompare(a.assessedOn))[0];
  const draft = assessments.find((a) => a.status === 'draft');

  return (
    <PageLayout breadcrumbs={[{ href: href.boards(), label: 'Estate register' }, { href: href.ward(ward.id), label: ward.name }]}>
      <PageHeading caption={ward.name}>Start an assessment</PageHeading>
      {draft ? (
        <FormColumn>
          <div className="nhsuk-inset-text">
            <p>
              This ward already has a draft assessment ({draft.round}, {draft.assessedOn}). <a href={href.walk(draft.id)}>Resume it</a>, or sign it off before starting
              another.
            </p>
          </div>
          <DetailsForm draft={draft} onSaved={reload} />
        </FormColumn>
      ) : (
        <FormColumn>
          {previous && (
            <div className="nhsuk-inset-text">
              <p>
                The last round ({previous.round}, signed off {previous.signedOffAt ? londonDateOf(previous.signedOffAt) : ''}) is carried forward: the ward’s areas are copied (not the answers), and
                every ligature point and open action from it comes up for re-check.
              </p>
            </div>
          )}
          <StartForm wardId={ward.id} />
        </FormColumn>
      )}
    </PageLayout>
  );
}

function StartForm({ wardId }: { wardId: string }) {
  const date = londonDate(new Date());
  const form = useForm<FormValues, unknown, Values>({
    resolver: detailsResolver<FormValues>(AssessmentStart) as never,
    defaultValues: { wardId, assessedOn: date, round: financialYearOf(date), announced: '', assessors: [{ name: '', role: 'estates' }] },
    shouldFocusError: false,
  });
  const { errors, submitCount, isSubmitting } = form.formState;
  const assessors = useFieldArray({ control: form.control, name: 'assessors' });
  const targets: Record<string, string> = {
    assessedOn: 'start-date',
    round: 'start-round',
    announced: radioId('start-announced', 'yes'),
    'assessors.root': 'start-assessor-0-name',
    assessors: 'start-assessor-0-name',
  };
  assessors.fields.forEach((_, i) => {
    targets[`assessors.${i}.name`] = `start-assessor-${i}-name`;
    targets[`assessors.${i}.role`] = `start-assessor-${i}-role`;
  });

  const submit = form.handleSubmit(async (values) => {
    try {
      const started = await call('assessments.start', values);
      navigate(href.walk(started.id));
    } catch (error) {
      showServerErrors(error, form.setError as never, ['assessedOn', 'round', 'announced', 'assessors'] as never);
    }
  });

  return (
    <form onSubmit={submitOnce(isSubmitting, submit)} noValidate aria-label="Start an assessment">
      <FormErrorSummary errors={errors} submitCount={submitCount} targets={targets as never} />
      <VisitFields
        prefix="start"
        fields={{ assessedOn: form.register('assessedOn'), round: form.register('round'), announced: form.register('announced') }}
        errors={{ assessedOn: errors.assessedOn?.message, round: errors.round?.message, announced: errors.announced?.message }}
      />
      <fieldset className="nhsuk-fieldset nhsuk-u-margin-bottom-4">
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Assessors</legend>
        <div className="nhsuk-hint">Name everyone who takes part. Each answer records which of them gave it.</div>
        {errors.assessors?.message && <span className="nhsuk-error-message">{errors.assessors.message}</span>}
        {errors.assessors?.root?.message && <span className="nhsuk-error-message">{errors.assessors.root.message}</span>}
        {assessors.fields.map((field, i) => (
          <div key={field.id} className="app-control-row">
            <TextField id={`start-assessor-${i}-name`} label={`Assessor ${i + 1}: name`} autoComplete="off" error={errors.assessors?.[i]?.name?.message} {...form.register(`assessors.${i}.name`)} />
            <SelectField id={`start-assessor-${i}-role`} label={`Assessor ${i + 1}: role`} choices={ROLE_CHOICES} error={errors.assessors?.[i]?.role?.message} {...form.register(`assessors.${i}.role`)} />
            {assessors.fields.length > 1 && (
              <button type="button" className="app-link-button nhsuk-u-margin-bottom-4" onClick={() => assessors.remove(i)}>
                Remove assessor {i + 1}
              </button>
            )}
          </div>
        ))}
        {assessors.fields.length < 8 && (
          <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" onClick={() => assessors.append({ name: '', role: 'clinical' })}>
            Add another assessor
          </button>
        )}
      </fieldset>
      <button type="submit" className="nhsuk-button">
        Start the walkthrough
      </button>
    </form>
  );
}

function draftDetailsOk(draft: { assessedOn: string; round: string }): boolean {
  return draft.round === financialYearOf(draft.assessedOn) && draft.assessedOn <= londonDate(new Date());
}

/** Corrects a draft's date, round or announcement (same rules as at the start): a draft whose round does not match its date cannot be signed off. */
function DetailsForm({ draft, onSaved }: { draft: Output<'assessments.get'>; onSaved: () => Promise<void> }) {
  const form = useForm<DetailsValues, unknown, Input<'assessments.updateDetails'>>({
    resolver: detailsResolver<DetailsValues>(AssessmentDetailsUpdate) as never,
    defaultValues: { id: draft.id, assessedOn: draft.assessedOn, round: draft.round, announced: draft.announced ? 'yes' : 'no' },
    shouldFocusError: false,
  });
  const { errors, submitCount, isSubmitting, isSubmitSuccessful } = form.formState;
  const targets: Record<string, string> = { assessedOn: 'draft-date', round: 'draft-round', announced: radioId('draft-announced', 'yes') };
  const submit = form.handleSubmit(async (values) => {
    try {
      await call('assessments.updateDetails', values);
      await onSaved();
    } catch (error) {
      showServerErrors(error, form.setError as never, ['assessedOn', 'round', 'announced'] as never);
    }
  });
  return (
    <form onSubmit={submitOnce(isSubmitting, submit)} noValidate aria-label="Correct the draft’s date or round">
      <h2 className="nhsuk-heading-m">Correct the draft’s date or round</h2>
      {!draftDetailsOk(draft) && (
        <p className="nhsuk-body" data-testid="draft-details-problem">
          This draft cannot be signed off as it stands: its date must not be in the future and its round must be the financial year of its date ({financialYearOf(draft.assessedOn)}).
        </p>
      )}
      <FormErrorSummary errors={errors} submitCount={submitCount} targets={targets as never} />
      <VisitFields
        prefix="draft"
        fields={{ assessedOn: form.register('assessedOn'), round: form.register('round'), announced: form.register('announced') }}
        errors={{ assessedOn: errors.assessedOn?.message, round: errors.round?.message, announced: errors.announced?.message }}
      />
      {isSubmitSuccessful && submitCount > 0 && Object.keys(errors).length === 0 && (
        <p className="nhsuk-body" role="status">
          Saved.
        </p>
      )}
      <button type="submit" className="nhsuk-button nhsuk-button--secondary">
        Save the corrected details
      </button>
    </form>
  );
}

type VisitField = 'assessedOn' | 'round' | 'announced';

/** The visit's date, round and whether it was announced: the same fields when starting and when correcting a draft. */
function VisitFields({ prefix, fields, errors }: { prefix: string; fields: Record<VisitField, UseFormRegisterReturn>; errors: Partial<Record<VisitField, string>> }) {
  return (
    <>
      <TextField id={`${prefix}-date`} label="Date of the assessment" hint="For example, 2026-11-20. Not a date in the future." width={10} autoComplete="off" error={errors.assessedOn} {...fields.assessedOn} />
      <TextField id={`${prefix}-round`} label="Round" hint="The financial year of the assessment date (from 1 April), for example 2026/27" width={10} autoComplete="off" error={errors.round} {...fields.round} />
      <RadiosField
        idPrefix={`${prefix}-announced`}
        legend="Was the visit announced to the ward?"
        inline
        choices={[
          { value: 'yes', label: 'Announced' },
          { value: 'no', label: 'Unannounced' },
        ]}
        error={errors.announced}
        inputProps={fields.announced}
      />
    </>
  );
}
