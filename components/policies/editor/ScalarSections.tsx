'use client';

import type { ReactNode } from 'react';
import { inputClasses } from '@/components/ui/Field';
import { DEFAULT_SETTINGS, type PolicySettings } from '@/lib/policy/settings';
import { FieldSection, headingId } from './FieldSection';
import { Inherited, InheritToggle } from './InheritToggle';
import { defaultOf, withField } from './layer';
import { SegmentedControl } from './SegmentedControl';
import type { SectionProps } from './sectionTypes';
import { Switch } from './Switch';

const MODE_OPTIONS = [
  { value: 'autopilot', label: 'Autopilot', description: 'Runs trusted commands and edits files without asking.' },
  { value: 'supervised', label: 'Supervised', description: 'Asks the developer to confirm every action.' },
] as const;

type SandboxChoice = 'docker' | 'podman' | 'off';
const SANDBOX_OPTIONS: readonly { value: SandboxChoice; label: string }[] = [
  { value: 'docker', label: 'Docker' },
  { value: 'podman', label: 'Podman' },
  { value: 'off', label: 'Off (run on the host)' },
];

function toSandbox(choice: string): NonNullable<PolicySettings['sandbox']> {
  return choice === 'docker' || choice === 'podman' ? choice : false;
}

/** The control itself when the field is set; its greyed-out default otherwise. */
function SetOrInherited({ set, children }: { set: boolean; children: ReactNode }) {
  return set ? <>{children}</> : <Inherited>{children}</Inherited>;
}

export function ModeSection({ value, onChange, notes, disabled }: SectionProps) {
  const set = value.mode !== undefined;
  return (
    <FieldSection
      field="mode"
      title="Mode"
      description="How much the agent does on its own."
      inherited={!set}
      notes={notes}
      action={<InheritToggle field="Mode" checked={set} disabled={disabled} onChange={(on) => onChange(withField(value, 'mode', on ? defaultOf('mode') : undefined))} />}
    >
      <SetOrInherited set={set}>
        <SegmentedControl
          value={value.mode ?? DEFAULT_SETTINGS.mode}
          options={MODE_OPTIONS}
          labelledBy={headingId('mode')}
          onChange={set && !disabled ? (mode) => onChange(withField(value, 'mode', mode)) : undefined}
        />
      </SetOrInherited>
    </FieldSection>
  );
}

export function SandboxSection({ value, onChange, notes, disabled }: SectionProps) {
  const set = value.sandbox !== undefined;
  const current = value.sandbox ?? DEFAULT_SETTINGS.sandbox;
  return (
    <FieldSection
      field="sandbox"
      title="Sandbox"
      description="Run the agent’s commands in a container instead of directly on the developer’s machine."
      inherited={!set}
      notes={notes}
      action={<InheritToggle field="Sandbox" checked={set} disabled={disabled} onChange={(on) => onChange(withField(value, 'sandbox', on ? defaultOf('sandbox') : undefined))} />}
    >
      <SetOrInherited set={set}>
        <select
          aria-labelledby={headingId('sandbox')}
          value={current === false ? 'off' : current}
          disabled={!set || disabled}
          onChange={(event) => onChange(withField(value, 'sandbox', toSandbox(event.target.value)))}
          className={`${inputClasses} disabled:cursor-not-allowed disabled:bg-slate-50 disabled:text-slate-500 sm:max-w-xs`}
        >
          {SANDBOX_OPTIONS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </SetOrInherited>
    </FieldSection>
  );
}

export function AutoAcceptSection({ value, onChange, notes, disabled }: SectionProps) {
  const set = value.autoAccept !== undefined;
  const current = value.autoAccept ?? DEFAULT_SETTINGS.autoAccept;
  return (
    <FieldSection
      field="autoAccept"
      title="Auto-accept edits"
      description="Apply the agent’s file edits without the developer reviewing them."
      inherited={!set}
      notes={notes}
      action={
        <InheritToggle field="Auto-accept edits" checked={set} disabled={disabled} onChange={(on) => onChange(withField(value, 'autoAccept', on ? defaultOf('autoAccept') : undefined))} />
      }
    >
      <SetOrInherited set={set}>
        <div className="flex items-center gap-3">
          <Switch
            labelledBy={headingId('autoAccept')}
            checked={current}
            disabled={disabled}
            onChange={set ? (next) => onChange(withField(value, 'autoAccept', next)) : undefined}
          />
          <span aria-hidden="true" className="text-sm text-slate-600">
            {current ? 'On: edits are applied as the agent makes them' : 'Off: the developer reviews each edit'}
          </span>
        </div>
      </SetOrInherited>
    </FieldSection>
  );
}
