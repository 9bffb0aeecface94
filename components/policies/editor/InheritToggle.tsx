'use client';

import { useId, type ReactNode } from 'react';

/**
 * "Set in this template": a template is a layer, and an unchecked field is left out of it so the
 * value comes from a lower layer. The same words appear once per field, so the field's name is
 * given as the description (not in the name, where "Sandbox" would also match this checkbox).
 */
export function InheritToggle({ checked, onChange, field, disabled }: { checked: boolean; onChange: (next: boolean) => void; field: string; disabled?: boolean }) {
  const id = useId();
  return (
    <div className="flex shrink-0 items-center gap-2">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
        disabled={disabled}
        aria-describedby={`${id}-field`}
        className="size-4 rounded border-slate-300 accent-brand-500 disabled:cursor-not-allowed"
      />
      <label htmlFor={id} className={`select-none text-sm ${disabled ? 'text-slate-400' : 'text-slate-600'}`}>
        Set in this template
      </label>
      <span id={`${id}-field`} hidden>
        {field}
      </span>
    </div>
  );
}

/** The greyed-out stand-in for an unset field: what applies unless a lower layer says otherwise. */
export function Inherited({ children }: { children: ReactNode }) {
  return (
    <div className="rounded-md bg-slate-50 p-3 ring-1 ring-slate-200 ring-inset" data-inherited="true">
      <p className="mb-2 text-xs text-slate-500">Not set here: inherited from the organization default or, failing that, the built-in default shown.</p>
      <div className="text-slate-500">{children}</div>
    </div>
  );
}
