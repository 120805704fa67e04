import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import type { Input } from '../../../../shared/contract';
import { BoardCreate } from '../../../../shared/domain/estate-schemas';
import { call } from '../../api/call';
import { showServerErrors } from '../../api/server-errors';
import { useAnnounce } from '../../app/status';
import { submitOnce } from '../../components/submit';
import { FormErrorSummary } from '../../components/FormErrorSummary';
import { TextField } from '../../components/TextField';
import { href, navigate } from '../../routing/routes';

type BoardValues = Input<'boards.create'>;

const ids = { name: 'board-name', code: 'board-code' } as const;

/** Adds a board, then opens it: the next step is always its sites. */
export function AddBoardForm() {
  const announce = useAnnounce();
  const form = useForm<BoardValues, unknown, BoardValues>({
    resolver: zodResolver(BoardCreate, undefined, { raw: true }),
    defaultValues: { name: '', code: '' },
    shouldFocusError: false,
  });
  const { errors, submitCount, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    try {
      const board = await call('boards.create', values);
      announce(`Board added: ${board.name}`, href.board(board.id));
      navigate(href.board(board.id));
    } catch (error) {
      showServerErrors(error, form.setError, ['name', 'code']);
    }
  });

  return (
    <form onSubmit={submitOnce(isSubmitting, submit)} noValidate aria-label="Add a board">
      <FormErrorSummary errors={errors} submitCount={submitCount} targets={ids} />
      <TextField
        id={ids.name}
        label="Board name"
        hint="For example, NHS Lothian"
        autoComplete="off"
        error={errors.name?.message}
        {...form.register('name')}
      />
      <TextField
        id={ids.code}
        label="Board code (optional)"
        hint="The Scottish Government code for the board, for example S08000024"
        width={10}
        autoComplete="off"
        spellCheck={false}
        error={errors.code?.message}
        {...form.register('code')}
      />
      <button type="submit" className="nhsuk-button" aria-disabled={isSubmitting || undefined}>
        Add board
      </button>
    </form>
  );
}
