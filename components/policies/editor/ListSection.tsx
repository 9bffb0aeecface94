'use client';

import type { ReactNode } from 'react';
import { FieldSection } from './FieldSection';
import { Inherited, InheritToggle } from './InheritToggle';
import type { EntryResult } from './layer';
import { ListEditor } from './ListEditor';
import { partitionByPrefix, type Note } from './paths';

/**
 * A section whose value is one list of strings (`trustedCommands`, `network.allowedDomains`, …).
 * Lists are leaves of the layer: set here, the list replaces the lower layers' list entirely.
 */
export function ListSection({
  field,
  path = field,
  title,
  description,
  noun,
  hint,
  placeholder,
  items,
  defaultItems,
  onSet,
  parse,
  notes,
  disabled,
  extra,
}: {
  field: string;
  /** The list's path when it sits inside a group (`network.allowedDomains`). */
  path?: string;
  title: string;
  description: ReactNode;
  noun: string;
  hint?: ReactNode;
  placeholder?: string;
  /** undefined: not set in this layer. */
  items: readonly string[] | undefined;
  defaultItems: readonly string[];
  onSet: (next: string[] | undefined) => void;
  parse: (raw: string) => EntryResult;
  notes: readonly Note[];
  disabled: boolean;
  /** Shortcuts under the list, given the list in effect and a way to set it (which also checks "Set in this template"). */
  extra?: (effective: readonly string[], apply: (next: string[]) => void) => ReactNode;
}) {
  const set = items !== undefined;
  const { within, rest } = partitionByPrefix(notes, [path]);
  const listNotes = within.get(path) ?? [];
  return (
    <FieldSection
      field={field}
      title={title}
      description={description}
      inherited={!set}
      notes={rest}
      action={<InheritToggle field={title} checked={set} disabled={disabled} onChange={(on) => onSet(on ? [...defaultItems] : undefined)} />}
    >
      <div className="space-y-3">
        {set ? (
          <ListEditor path={path} items={items} noun={noun} parse={parse} notes={listNotes} placeholder={placeholder} hint={hint} onChange={disabled ? undefined : onSet} />
        ) : (
          <Inherited>
            <ListEditor path={path} items={defaultItems} noun={noun} parse={parse} notes={listNotes} emptyText="None." />
          </Inherited>
        )}
        {extra && !disabled ? extra(items ?? defaultItems, onSet) : null}
      </div>
    </FieldSection>
  );
}
