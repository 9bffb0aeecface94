'use client';

import { useFormStatus } from 'react-dom';
import { Button, type ButtonVariant } from './Button';

/** A submit button that disables itself and says so while its form's action runs. */
export function SubmitButton({
  children,
  pendingLabel,
  variant = 'primary',
  size = 'md',
  name,
  value,
  pending: pendingProp,
}: {
  children: React.ReactNode;
  pendingLabel?: string;
  variant?: ButtonVariant;
  size?: 'sm' | 'md';
  name?: string;
  value?: string;
  /** For forms submitted with submitKept (no form action, so useFormStatus does not see them). */
  pending?: boolean;
}) {
  const status = useFormStatus();
  const pending = pendingProp ?? status.pending;
  return (
    <Button type="submit" variant={variant} size={size} disabled={pending} aria-disabled={pending} name={name} value={value}>
      {pending ? (pendingLabel ?? 'Working…') : children}
    </Button>
  );
}
