import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import type { Output } from '../../../../shared/contract';
import { ActionCreate, ActionUpdate } from '../../../../shared/domain/assessment-schemas';
import { call } from '../../api/call';
import { showServerErrors } from '../../api/server-errors';
import { FormErrorSummary } from '../../components/FormErrorSummary';
import { SelectField } from '../../components/SelectField';
import { submitOnce } from '../../components/submit';
import { TextareaField } from '../../components/TextareaField';
import { TextField } from '../../components/TextField';
import { ACTION_STATUS_CHOICES, ACTION_TYPE_CHOICES, PRIORITY_CHOICES } from './labels';
import { blankToNull, issuesToErrors, parsingResolver } from './schema-resolver';

type StoredAction = Output<'actions.create'>;

export interface ActionValues {
  type: string;
  description: string;
  owner: string;
  dueDate: string;
  priority: string;
  status: string;
}

const FIELDS = ['type', 'description', 'owner', 'dueDate', 'priority', 'status'] as const;

export const ACTION_FIELD_PARSER = ActionUpdate.unwrap().omit({ id: true });

export function actionDefaults(action?: StoredAction, type = 'mitigate'): ActionValues {
  return {
    type: action?.type ?? type,
    description: action?.description ?? '',
    owner: action?.owner ?? '',
    dueDate: action?.dueDate ?? '',
    priority: action?.priority ?? 'medium',
    status: action?.status ?? 'open',
  };
}

/**
 * An action on a "no"/"partial" answer or a ligature point, or a change to one. Validated with
 * the services' ActionCreate / ActionUpdate schemas; saved only when the store confirms.
 */
export function ActionForm(props: {
  idPrefix: string;
  assessmentId: string;
  /** Exactly one of these for a new action. */
  answerId?: string;
  ligaturePointId?: string;
  action?: StoredAction;
  onSaved: (action: StoredAction) => void;
  onCancel: () => void;
}) {
  const { idPrefix, assessmentId, answerId, ligaturePointId, action, onSaved, onCancel } = props;
  const ids = Object.fromEntries(FIELDS.map((f) => [f, `${idPrefix}-${f}`])) as Record<(typeof FIELDS)[number], string>;
  const form = useForm<ActionValues, unknown, ActionValues>({
    defaultValues: actionDefaults(action),
    resolver: parsingResolver((values: ActionValues) => {
      const candidate = { ...values, dueDate: blankToNull(values.dueDate) };
      const parsed = action
        ? ActionUpdate.safeParse({ id: action.id, ...candidate })
        : ActionCreate.safeParse({ assessmentId, answerId: answerId ?? null, ligaturePointId: ligaturePointId ?? null, ...candidate });
      return parsed.success ? { ok: true, value: values } : { ok: false, errors: issuesToErrors(parsed.error.issues) };
    }),
    shouldFocusError: false,
  });
  const { errors, submitCount, isSubmitting } = form.formState;
  // Opened from a button: the cursor goes straight to the first field.
  useEffect(() => form.setFocus('description'), [form]);

  const submit = form.handleSubmit(async (values) => {
    const fields = {
      type: values.type as StoredAction['type'],
      description: values.description,
      owner: values.owner,
      dueDate: blankToNull(values.dueDate),
      priority: values.priority as StoredAction['priority'],
      status: values.status as StoredAction['status'],
    };
    try {
      const saved = action
        ? await call('actions.update', { id: action.id, ...fields })
        : await call('actions.create', { assessmentId, answerId: answerId ?? null, ligaturePointId: ligaturePointId ?? null, ...fields });
      onSaved(saved);
    } catch (error) {
      showServerErrors(error, form.setError, FIELDS);
    }
  });

  return (
    <form onSubmit={submitOnce(isSubmitting, submit)} noValidate aria-label={action ? 'Change the action' : 'Add an action'} className="app-inline-form">
      <FormErrorSummary errors={errors} submitCount={submitCount} targets={ids} />
      <TextareaField id={ids.description} label="What needs doing" rows={2} error={errors.description?.message} {...form.register('description')} />
      <SelectField id={ids.type} label="Type of action" choices={ACTION_TYPE_CHOICES} error={errors.type?.message} {...form.register('type')} />
      <TextField id={ids.owner} label="Owner" hint="The person or team responsible" autoComplete="off" width={20} error={errors.owner?.message} {...form.register('owner')} />
      <TextField id={ids.dueDate} label="Due date (optional)" hint="For example, 2027-01-31" autoComplete="off" width={10} error={errors.dueDate?.message} {...form.register('dueDate')} />
      <SelectField id={ids.priority} label="Priority" choices={PRIORITY_CHOICES} error={errors.priority?.message} {...form.register('priority')} />
      <SelectField id={ids.status} label="Status" choices={ACTION_STATUS_CHOICES} error={errors.status?.message} {...form.register('status')} />
      <div className="nhsuk-button-group">
        <button type="submit" className="nhsuk-button">
          {action ? 'Save action' : 'Add action'}
        </button>
        <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
