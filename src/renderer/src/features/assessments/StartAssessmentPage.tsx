import { zodResolver } from '@hookform/resolvers/zod';
import { useFieldArray, useForm } from 'react-hook-form';
import type { Input } from '../../../../shared/contract';
import { AssessmentStart } from '../../../../shared/domain/assessment-schemas';
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

/** Today as YYYY-MM-DD in local time. */
export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The financial year a date falls in, e.g. 2026-11-20 → "2026/27" (years start on 1 April). */
export function roundOf(date: string): string {
  const year = Number(date.slice(0, 4));
  const start = Number(date.slice(5, 7)) >= 4 ? year : year - 1;
  return `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
}

/** Starting an assessment of a ward: the date, round, assessors and whether the visit was announced. */
export function StartAssessmentPage({ wardId }: { wardId: string }) {
  const { state } = useLoad('assessment-start', async () => {
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
        <div className="nhsuk-inset-text">
          <p>
            This ward already has a draft assessment ({draft.round}, {draft.assessedOn}). <a href={href.walk(draft.id)}>Resume it</a>, or sign it off before starting
            another.
          </p>
        </div>
      ) : (
        <FormColumn>
          {previous && (
            <div className="nhsuk-inset-text">
              <p>
                The last round ({previous.round}, signed off {previous.signedOffAt?.slice(0, 10)}) is carried forward: the ward’s areas are copied (not the answers), and
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
  const date = today();
  const form = useForm<FormValues, unknown, Values>({
    resolver: async (values, context, options) => {
      const announced = values.announced === 'yes' ? true : values.announced === 'no' ? false : undefined;
      const result = await zodResolver(AssessmentStart)({ ...values, announced } as never, context, options as never);
      // The schema's own message speaks of a boolean; the form asks a question.
      const errors = result.errors as Record<string, { message?: string } | undefined>;
      if (errors.announced) errors.announced = { ...errors.announced, message: 'Say whether the visit was announced' };
      return result as never;
    },
    defaultValues: { wardId, assessedOn: date, round: roundOf(date), announced: '', assessors: [{ name: '', role: 'estates' }] },
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
      <TextField id="start-date" label="Date of the assessment" hint="For example, 2026-11-20" width={10} autoComplete="off" error={errors.assessedOn?.message} {...form.register('assessedOn')} />
      <TextField id="start-round" label="Round" hint="The financial year, for example 2026/27" width={10} autoComplete="off" error={errors.round?.message} {...form.register('round')} />
      <RadiosField
        idPrefix="start-announced"
        legend="Was the visit announced to the ward?"
        inline
        choices={[
          { value: 'yes', label: 'Announced' },
          { value: 'no', label: 'Unannounced' },
        ]}
        error={errors.announced?.message}
        inputProps={form.register('announced')}
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
