import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import type { Input } from '../../../../shared/contract';
import { SiteCreate } from '../../../../shared/domain/estate-schemas';
import { call } from '../../api/call';
import { showServerErrors } from '../../api/server-errors';
import { useAnnounce } from '../../app/status';
import { FormErrorSummary } from '../../components/FormErrorSummary';
import { submitOnce } from '../../components/submit';
import { TextField } from '../../components/TextField';
import { href, navigate } from '../../routing/routes';

type SiteValues = Input<'sites.create'>;

const ids = { name: 'site-name', eamsSiteCode: 'site-eams-code' } as const;

/** Adds a site to a board, then opens it: the next step is its wards. */
export function AddSiteForm({ boardId }: { boardId: string }) {
  const announce = useAnnounce();
  const form = useForm<SiteValues, unknown, SiteValues>({
    resolver: zodResolver(SiteCreate, undefined, { raw: true }),
    defaultValues: { boardId, name: '', eamsSiteCode: '' },
    shouldFocusError: false,
  });
  const { errors, submitCount, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    try {
      const site = await call('sites.create', values);
      announce(`Site added: ${site.name}`, href.site(site.id));
      navigate(href.site(site.id));
    } catch (error) {
      showServerErrors(error, form.setError, ['name', 'eamsSiteCode']);
    }
  });

  return (
    <form onSubmit={submitOnce(isSubmitting, submit)} noValidate aria-label="Add a site">
      <FormErrorSummary errors={errors} submitCount={submitCount} targets={ids} />
      <TextField
        id={ids.name}
        label="Site name"
        hint="The hospital or site, for example Royal Edinburgh Hospital"
        autoComplete="off"
        error={errors.name?.message}
        {...form.register('name')}
      />
      <TextField
        id={ids.eamsSiteCode}
        label="EAMS site code (optional)"
        hint="The site’s code in the national estates system, to join with estates data"
        width={10}
        autoComplete="off"
        spellCheck={false}
        error={errors.eamsSiteCode?.message}
        {...form.register('eamsSiteCode')}
      />
      <button type="submit" className="nhsuk-button">
        Add site
      </button>
    </form>
  );
}
