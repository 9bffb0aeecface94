'use client';

import { DEFAULT_SETTINGS } from '@/lib/policy/settings';
import { FieldSection } from './FieldSection';
import { InheritToggle } from './InheritToggle';
import { withTelemetry, type TelemetryKey } from './layer';
import { NoteList } from './Notes';
import { partitionByPrefix } from './paths';
import type { SectionProps } from './sectionTypes';
import { Switch } from './Switch';

const ROWS: readonly { key: TelemetryKey; label: string; description: string }[] = [
  { key: 'enabled', label: 'Telemetry', description: 'Send telemetry (traces, logs, metrics) about the agent’s work to the vendor.' },
  {
    key: 'usageStatisticsEnabled',
    label: 'Usage statistics',
    description: 'Send anonymous usage statistics; some agents (Gemini CLI) do unless told not to.',
  },
];

/**
 * The two telemetry switches are separate leaves of the layer: each can be set here or
 * inherited on its own, and `telemetry` disappears from the document when neither is set.
 */
export function TelemetrySection({ value, onChange, notes, disabled }: SectionProps) {
  const paths = ROWS.map(({ key }) => `telemetry.${key}`);
  const { within, rest } = partitionByPrefix(notes, paths);
  const anySet = ROWS.some(({ key }) => value.telemetry?.[key] !== undefined);
  return (
    <FieldSection field="telemetry" title="Telemetry" description="What the agents report back to their vendors." inherited={!anySet} notes={rest}>
      <div className="divide-y divide-slate-100">
        {ROWS.map(({ key, label, description }) => {
          const own = value.telemetry?.[key];
          const set = own !== undefined;
          const current = own ?? DEFAULT_SETTINGS.telemetry[key];
          return (
            <div key={key} data-testid={`telemetry-${key}`} data-path={`telemetry.${key}`} className="flex flex-col gap-2 py-3 first:pt-0 last:pb-0 sm:flex-row sm:items-start sm:justify-between sm:gap-6">
              <div className="min-w-0 space-y-1 sm:flex-1">
                <Switch
                  label={label}
                  description={set ? description : `${description} Inherited; built-in default: ${DEFAULT_SETTINGS.telemetry[key] ? 'on' : 'off'}.`}
                  checked={current}
                  disabled={disabled}
                  onChange={set ? (next) => onChange(withTelemetry(value, key, next)) : undefined}
                />
                <NoteList notes={within.get(`telemetry.${key}`) ?? []} className="pl-12" />
              </div>
              <InheritToggle
                field={label}
                checked={set}
                disabled={disabled}
                onChange={(on) => onChange(withTelemetry(value, key, on ? DEFAULT_SETTINGS.telemetry[key] : undefined))}
              />
            </div>
          );
        })}
      </div>
    </FieldSection>
  );
}
