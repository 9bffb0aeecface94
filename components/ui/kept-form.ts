import { startTransition, type FormEvent } from 'react';

/**
 * Submits a form to a `useActionState` action without React's automatic form reset: after a
 * form action React resets the form natively, which puts controlled radios and selects back to
 * their defaults (Production became Development again after a duplicate-slug error). The
 * action still runs in a transition, so `isPending` from useActionState tracks it.
 */
export function submitKept(dispatch: (data: FormData) => void): (event: FormEvent<HTMLFormElement>) => void {
  return (event) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const data = new FormData(event.currentTarget, submitter);
    startTransition(() => dispatch(data));
  };
}
