import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import type { Input } from '../../../shared/contract';
import type { BoardRename, SiteRename } from '../../../shared/domain/estate-schemas';
import { showServerErrors } from '../api/server-errors';
import { useAnnounce } from '../app/status';
import { FormErrorSummary } from './FormErrorSummary';
import { submitOnce } from './submit';
import { TextField } from './TextField';

type RenameValues = Input<'boards.rename'> & Input<'sites.rename'>;

/** Renames a board or a site, with that operation's own schema. */
export function RenameForm(props: {
  schema: typeof BoardRename | typeof SiteRename;
  id: string;
  currentName: string;
  /** e.g. "Board name". */
  label: string;
  rename: (values: RenameValues) => Promise<{ name: string }>;
  onDone: () => Promise<void> | void;
  onCancel: () => void;
}) {
  const { schema, id, currentName, label, rename, onDone, onCancel } = props;
  const announce = useAnnounce();
  const form = useForm<RenameValues, unknown, RenameValues>({
    resolver: zodResolver(schema, undefined, { raw: true }),
    defaultValues: { id, name: currentName },
    shouldFocusError: false,
  });
  const { errors, submitCount, isSubmitting } = form.formState;

  useEffect(() => {
    form.setFocus('name', { shouldSelect: true });
  }, [form]);

  const submit = form.handleSubmit(async (values) => {
    try {
      const renamed = await rename(values);
      announce(`Saved. The new name is ${renamed.name}`);
      await onDone();
    } catch (error) {
      showServerErrors(error, form.setError, ['name']);
    }
  });

  return (
    <form onSubmit={submitOnce(isSubmitting, submit)} noValidate aria-label={`Change the ${label.toLowerCase()}`}>
      <FormErrorSummary errors={errors} submitCount={submitCount} targets={{ name: 'rename-name' }} />
      <TextField id="rename-name" label={label} autoComplete="off" error={errors.name?.message} {...form.register('name')} />
      <div className="nhsuk-button-group">
        <button type="submit" className="nhsuk-button">
          Save name
        </button>
        <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
