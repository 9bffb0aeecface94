import Link from 'next/link';
import { buttonClasses } from '@/components/ui/Button';
import { Field, SelectInput, TextInput } from '@/components/ui/Field';
import { AUDIT_ACTION_GROUPS, AUDIT_ACTIONS, actionsOfGroup } from '@/lib/audit/actions';
import { TARGET_TYPES, type AuditLogQuery } from '@/lib/audit/filters';

export interface ActorOptions {
  members: { email: string; name: string | null }[];
  tokens: { id: string; name: string; member: string }[];
}

/**
 * The filters as a plain GET form: the URL is the state, so a filtered view can be shared or
 * bookmarked, and it works before (or without) JavaScript. Values are kept as typed, also when
 * they were not valid (errors shows what is wrong next to the field).
 */
export function AuditLogFilterForm({ query, actors, errors }: { query: AuditLogQuery; actors: ActorOptions; errors: Record<string, string> }) {
  const knownActor = !query.actor || actors.members.some((m) => m.email === query.actor) || actors.tokens.some((t) => t.id === query.actor);
  const targetType = query.target?.split(':')[0];
  const targetHasId = Boolean(query.target?.includes(':'));
  return (
    <form method="get" action="/audit-log" aria-label="Filter the audit log" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
      <div className="lg:col-span-2">
        <Field label="Search target names" name="q" error={errors.q}>
          <TextInput name="q" type="search" defaultValue={query.q ?? ''} placeholder="e.g. Payments baseline" maxLength={200} error={errors.q} />
        </Field>
      </div>
      <Field label="Action" name="action" error={errors.action}>
        <SelectInput name="action" defaultValue={query.action ?? ''} error={errors.action}>
          <option value="">All actions</option>
          {AUDIT_ACTION_GROUPS.map((group) => (
            <optgroup key={group.id} label={group.label}>
              <option value={group.id}>All: {group.label.toLowerCase()}</option>
              {actionsOfGroup(group.id).map((action) => (
                <option key={action} value={action}>
                  {AUDIT_ACTIONS[action]}
                </option>
              ))}
            </optgroup>
          ))}
          {errors.action && query.action ? <option value={query.action}>{query.action}</option> : null}
        </SelectInput>
      </Field>
      <Field label="Actor" name="actor" error={errors.actor}>
        <SelectInput name="actor" defaultValue={query.actor ?? ''} error={errors.actor}>
          <option value="">Anyone</option>
          <optgroup label="Members (and their tokens)">
            {actors.members.map((member) => (
              <option key={member.email} value={member.email}>
                {member.name ? `${member.name} (${member.email})` : member.email}
              </option>
            ))}
          </optgroup>
          {actors.tokens.length ? (
            <optgroup label="API tokens">
              {actors.tokens.map((token) => (
                <option key={token.id} value={token.id}>
                  {token.name} (for {token.member})
                </option>
              ))}
            </optgroup>
          ) : null}
          {knownActor ? null : <option value={query.actor}>{query.actor}</option>}
        </SelectInput>
      </Field>
      <Field label="Target" name="target" error={errors.target}>
        <SelectInput name="target" defaultValue={query.target ?? ''} error={errors.target}>
          <option value="">Any target</option>
          {Object.entries(TARGET_TYPES).map(([type, label]) => (
            <option key={type} value={type}>
              {label}
            </option>
          ))}
          {targetHasId || (targetType && !Object.hasOwn(TARGET_TYPES, targetType)) ? <option value={query.target}>This one: {query.target}</option> : null}
        </SelectInput>
      </Field>
      <div className="grid grid-cols-2 gap-2 sm:col-span-2 lg:col-span-2">
        <Field label="From" name="from" error={errors.from}>
          <TextInput name="from" type="date" defaultValue={query.from ?? ''} error={errors.from} />
        </Field>
        <Field label="To" name="to" error={errors.to}>
          <TextInput name="to" type="date" defaultValue={query.to ?? ''} error={errors.to} />
        </Field>
      </div>
      <div className="flex flex-wrap items-center gap-2 sm:col-span-2 lg:col-span-4">
        <button type="submit" className={buttonClasses('primary', 'sm')}>
          Apply filters
        </button>
        <Link href="/audit-log" className={buttonClasses('ghost', 'sm')}>
          Clear filters
        </Link>
        <span className="text-xs text-slate-500">Dates are UTC days, both included.</span>
      </div>
    </form>
  );
}
