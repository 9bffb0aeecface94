'use client';

import { useId, type ReactNode } from 'react';

export interface SegmentOption<T extends string> {
  value: T;
  label: string;
  description?: ReactNode;
}

/**
 * A choice among a few options, drawn as side-by-side segments. Native radio buttons underneath,
 * so arrow keys, Tab and screen readers behave as people expect.
 */
export function SegmentedControl<T extends string>({
  value,
  options,
  onChange,
  labelledBy,
  label,
  disabled,
  size = 'md',
}: {
  value: T;
  options: readonly SegmentOption<T>[];
  /** Absent: read-only. */
  onChange?: (next: T) => void;
  labelledBy?: string;
  label?: string;
  disabled?: boolean;
  size?: 'sm' | 'md';
}) {
  const name = useId();
  const inactive = disabled || !onChange;
  return (
    <div
      role="radiogroup"
      aria-labelledby={labelledBy}
      aria-label={labelledBy ? undefined : label}
      className={`grid gap-1 rounded-lg bg-slate-100 p-1 ${options.length === 2 ? 'grid-cols-2' : 'grid-cols-3'}`}
    >
      {options.map((option) => (
        <label
          key={option.value}
          className={`relative rounded-md text-left ring-inset transition-colors has-checked:bg-white has-checked:shadow-xs has-checked:ring-1 has-checked:ring-slate-200 has-focus-visible:outline-2 has-focus-visible:outline-offset-1 has-focus-visible:outline-brand-500 ${
            size === 'sm' ? 'px-2.5 py-1' : 'px-3 py-2'
          } ${inactive ? 'cursor-not-allowed opacity-60' : 'cursor-pointer hover:bg-white/60'}`}
        >
          {/*
            The radio is invisible but covers the whole segment (positioned against the label), so a
            click anywhere lands on it; it sits inside the option's text so that text contains it too.
          */}
          <span id={`${name}-${option.value}-label`} className={`block font-medium text-slate-900 ${size === 'sm' ? 'text-xs' : 'text-sm'}`}>
            {option.label}
            <input
              type="radio"
              name={name}
              value={option.value}
              checked={value === option.value}
              onChange={() => onChange?.(option.value)}
              disabled={inactive}
              aria-labelledby={`${name}-${option.value}-label`}
              aria-describedby={option.description ? `${name}-${option.value}` : undefined}
              className="absolute inset-0 m-0 size-full cursor-[inherit] appearance-none opacity-0"
            />
          </span>
          {option.description ? (
            <span id={`${name}-${option.value}`} className="block text-xs text-slate-500">
              {option.description}
            </span>
          ) : null}
        </label>
      ))}
    </div>
  );
}
