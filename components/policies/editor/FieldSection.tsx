import type { ReactNode } from 'react';
import { Badge } from '@/components/ui/Badge';
import { NoteList } from './Notes';
import { fieldId, type Note } from './paths';

/**
 * One top-level field of the document. The id `field-<field>` is what the findings list scrolls
 * to (so the section is focusable from script, not by Tab); `headingId` lets a control inside be
 * named by the heading instead of repeating it.
 */
export function FieldSection({
  field,
  title,
  description,
  inherited,
  action,
  notes,
  children,
}: {
  field: string;
  title: string;
  description: ReactNode;
  /** Whether the whole field is inherited (shows a badge); undefined for groups whose parts are set one by one. */
  inherited?: boolean;
  /** Top-right control, usually the "Set in this template" toggle. */
  action?: ReactNode;
  /** Notes about the field that no control inside claims. */
  notes: readonly Note[];
  children: ReactNode;
}) {
  const id = fieldId(field);
  return (
    <section
      id={id}
      data-testid={id}
      tabIndex={-1}
      aria-labelledby={headingId(field)}
      className="scroll-mt-6 rounded-lg bg-white p-5 shadow-xs ring-1 ring-slate-200 focus:outline-none"
    >
      <header className="flex flex-col gap-2 sm:flex-row sm:items-start sm:justify-between sm:gap-6">
        <div className="min-w-0 sm:flex-1">
          <div className="flex items-center gap-2">
            <h3 id={headingId(field)} className="text-sm font-semibold text-slate-900">
              {title}
            </h3>
            {inherited ? <Badge>Inherited</Badge> : null}
          </div>
          <p className="mt-0.5 text-sm text-slate-500">{description}</p>
        </div>
        {action}
      </header>
      <NoteList notes={notes} base={field} className="mt-3" />
      <div className="mt-4">{children}</div>
    </section>
  );
}

export function headingId(field: string): string {
  return `${fieldId(field)}-heading`;
}
