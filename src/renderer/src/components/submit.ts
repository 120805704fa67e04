import type { BaseSyntheticEvent, FormEvent } from 'react';

/** A form's onSubmit that ignores a second Enter or click while the first save is on its way. */
export function submitOnce(isSubmitting: boolean, submit: (event?: BaseSyntheticEvent) => Promise<void>) {
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!isSubmitting) void submit(event);
  };
}
