'use client';

import { useId, type ReactNode } from 'react';

/**
 * An on/off control (`role="switch"`). Labelled by its own label, or by `labelledBy` when a
 * heading already names it.
 */
export function Switch({
  checked,
  onChange,
  label,
  description,
  labelledBy,
  disabled,
}: {
  checked: boolean;
  /** Absent: read-only. */
  onChange?: (next: boolean) => void;
  label?: ReactNode;
  description?: ReactNode;
  labelledBy?: string;
  disabled?: boolean;
}) {
  const id = useId();
  const inactive = disabled || !onChange;
  return (
    <div className="flex items-start gap-3">
      <button
        type="button"
        role="switch"
        id={id}
        aria-checked={checked}
        aria-labelledby={labelledBy ?? (label ? `${id}-label` : undefined)}
        aria-describedby={description ? `${id}-description` : undefined}
        disabled={inactive}
        onClick={() => onChange?.(!checked)}
        className={`relative mt-0.5 inline-flex h-5 w-9 shrink-0 items-center rounded-full transition-colors disabled:cursor-not-allowed disabled:opacity-50 ${checked ? 'bg-brand-500' : 'bg-slate-300'}`}
      >
        <span aria-hidden="true" className={`size-4 rounded-full bg-white shadow-xs transition-transform ${checked ? 'translate-x-4.5' : 'translate-x-0.5'}`} />
      </button>
      {label || description ? (
        <div className="min-w-0 text-sm">
          {label ? (
            <label htmlFor={id} id={`${id}-label`} className={`font-medium ${inactive ? 'text-slate-500' : 'text-slate-800'}`}>
              {label}
            </label>
          ) : null}
          {description ? (
            <p id={`${id}-description`} className="text-xs text-slate-500">
              {description}
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
