import { Badge, type BadgeTone } from '@/components/ui/Badge';
import { MessageText } from '@/components/ui/MessageText';
import { noteKey, noteTone, relativePath, type Note, type NoteTone } from './paths';

const BADGE: Record<NoteTone, { tone: BadgeTone; label: string }> = {
  invalid: { tone: 'danger', label: 'invalid' },
  critical: { tone: 'critical', label: 'critical' },
  high: { tone: 'danger', label: 'high' },
  medium: { tone: 'warning', label: 'medium' },
  low: { tone: 'neutral', label: 'low' },
};

/** Row tints for a highlighted entry: red for critical/high/invalid, amber for medium, slate for low. */
export const ROW_TONE: Record<NoteTone, string> = {
  invalid: 'bg-red-50 ring-1 ring-inset ring-red-200',
  critical: 'bg-red-50 ring-1 ring-inset ring-red-300',
  high: 'bg-red-50 ring-1 ring-inset ring-red-200',
  medium: 'bg-amber-50 ring-1 ring-inset ring-amber-200',
  low: 'bg-slate-50 ring-1 ring-inset ring-slate-200',
};

/** A server card is outlined in the tone of its worst note; the row concerned carries the tint. */
export const CARD_TONE: Record<NoteTone, string> = {
  invalid: 'ring-red-300',
  critical: 'ring-red-400',
  high: 'ring-red-300',
  medium: 'ring-amber-300',
  low: 'ring-slate-300',
};

export function NoteBadge({ tone }: { tone: NoteTone }) {
  const { tone: badgeTone, label } = BADGE[tone];
  return <Badge tone={badgeTone}>{label}</Badge>;
}

/**
 * The findings and validation issues about one place in the form, shown right under it.
 * `base` is the path of that place: deeper paths are shown relative to it (`[2]` under the
 * arguments) so people can tell which entry a note is about when it cannot be highlighted.
 */
export function NoteList({ notes, base, id, className = '' }: { notes: readonly Note[]; base?: string; id?: string; className?: string }) {
  if (notes.length === 0) return null;
  return (
    <ul id={id} className={`space-y-1 ${className}`}>
      {notes.map((note) => {
        const where = base === undefined || note.path === base ? '' : relativePath(note.path, base);
        return (
          <li
            key={noteKey(note)}
            data-testid={note.kind === 'finding' ? 'field-finding' : 'field-issue'}
            data-rule={note.kind === 'finding' ? note.rule : undefined}
            data-path={note.path}
            className="flex items-start gap-2 text-xs leading-5 text-slate-700"
          >
            <NoteBadge tone={noteTone(note)} />
            <span className="min-w-0 wrap-anywhere">
              {where ? <code className="mr-1 text-slate-500">{where}</code> : null}
              <MessageText text={note.message} />
            </span>
          </li>
        );
      })}
    </ul>
  );
}
