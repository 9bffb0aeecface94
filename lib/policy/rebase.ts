import { FIELD_LABELS } from './fields';
import { TOP_LEVEL_FIELDS, type PolicySettings } from './settings';

/**
 * Re-applying an admin's edit on top of a version someone else saved meanwhile (the 409 of a
 * stale save): a three-way merge, field by field, of `base` (what the edit started from), `mine`
 * (the edit) and `theirs` (the newer version). A field only one side changed takes that side; a
 * field both changed differently is a conflict, decided per field. Fields are the leaves people
 * edit: each top-level setting, each key of `telemetry` and `network`, each MCP server by name.
 * `undefined` (the field is inherited) is a value like any other.
 */

export interface RebaseConflict {
  /** `mode`, `telemetry.enabled`, `mcpServers.github`… */
  path: string;
  label: string;
  base: unknown;
  mine: unknown;
  theirs: unknown;
}

export interface Rebase {
  /** The merge with every conflict decided for `mine`. */
  merged: PolicySettings;
  conflicts: RebaseConflict[];
  /** Fields taken from the edit (changed only by the admin, or conflicts decided for mine). */
  fromMine: string[];
}

type Doc = Record<string, unknown>;
const NESTED = ['telemetry', 'network', 'mcpServers'] as const;
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function leaves(settings: PolicySettings): Map<string, unknown> {
  const out = new Map<string, unknown>();
  const doc = settings as Doc;
  for (const field of TOP_LEVEL_FIELDS) {
    const value = doc[field];
    if ((NESTED as readonly string[]).includes(field) && value !== undefined) {
      // The object itself being set (even empty) is a leaf of its own, so `{}` ≠ inherited.
      out.set(`${field}`, {});
      for (const [key, child] of Object.entries(value as Doc)) out.set(`${field}.${key}`, child);
    } else if (value !== undefined) {
      out.set(field, value);
    }
  }
  return out;
}

function build(values: Map<string, unknown>): PolicySettings {
  const doc: Doc = {};
  for (const field of TOP_LEVEL_FIELDS) {
    if ((NESTED as readonly string[]).includes(field)) {
      if (!values.has(field)) continue;
      const prefix = `${field}.`;
      const children: Doc = {};
      for (const [path, value] of values) if (path.startsWith(prefix) && value !== undefined) children[path.slice(prefix.length)] = value;
      doc[field] = field === 'mcpServers' ? Object.fromEntries(Object.entries(children).sort(([a], [b]) => a.localeCompare(b))) : children;
    } else if (values.get(field) !== undefined) {
      doc[field] = values.get(field);
    }
  }
  return doc as PolicySettings;
}

function labelOf(path: string): string {
  if (path.startsWith('mcpServers.')) return `MCP server “${path.slice('mcpServers.'.length)}”`;
  return FIELD_LABELS[path] ?? (path === 'telemetry' ? 'Telemetry settings' : path === 'network' ? 'Network settings' : path === 'mcpServers' ? 'MCP servers' : path);
}

/** Leaves of nested objects sort after their parent, in document order. */
function pathsOf(...docs: Map<string, unknown>[]): string[] {
  const order = (path: string) => TOP_LEVEL_FIELDS.indexOf(path.split('.')[0] as (typeof TOP_LEVEL_FIELDS)[number]);
  return [...new Set(docs.flatMap((doc) => [...doc.keys()]))].sort((a, b) => order(a) - order(b) || (a.length === b.length ? a.localeCompare(b) : a.length - b.length));
}

export function rebaseEdit(base: PolicySettings, mine: PolicySettings, theirs: PolicySettings): Rebase {
  const [b, m, t] = [leaves(base), leaves(mine), leaves(theirs)];
  const out = new Map<string, unknown>();
  const conflicts: RebaseConflict[] = [];
  const fromMine: string[] = [];
  for (const path of pathsOf(b, m, t)) {
    const [bv, mv, tv] = [b.get(path), m.get(path), t.get(path)];
    const mineChanged = !same(bv, mv);
    const theirsChanged = !same(bv, tv);
    if (mineChanged && theirsChanged && !same(mv, tv)) {
      // Setting the parent object is implied by its children; it conflicts only on its own.
      const isParent = (NESTED as readonly string[]).includes(path);
      if (!isParent) conflicts.push({ path, label: labelOf(path), base: bv, mine: mv, theirs: tv });
      fromMine.push(path);
      if (mv !== undefined) out.set(path, mv);
    } else if (mineChanged) {
      fromMine.push(path);
      if (mv !== undefined) out.set(path, mv);
    } else if (tv !== undefined) {
      out.set(path, tv);
    }
  }
  // A nested field whose children survive is set, whatever happened to the parent marker.
  for (const field of NESTED) if ([...out.keys()].some((path) => path.startsWith(`${field}.`))) out.set(field, {});
  return { merged: build(out), conflicts, fromMine: fromMine.filter((path) => !(NESTED as readonly string[]).includes(path)) };
}

/** The merge with each conflict decided: `theirs` for the paths listed, `mine` for the rest. */
export function resolveRebase(rebase: Rebase, takeTheirs: ReadonlySet<string>, theirs: PolicySettings): PolicySettings {
  if (takeTheirs.size === 0) return rebase.merged;
  const values = leaves(rebase.merged);
  const theirLeaves = leaves(theirs);
  for (const conflict of rebase.conflicts) {
    if (!takeTheirs.has(conflict.path)) continue;
    const value = theirLeaves.get(conflict.path);
    if (value === undefined) values.delete(conflict.path);
    else values.set(conflict.path, value);
  }
  for (const field of NESTED) if ([...values.keys()].some((path) => path.startsWith(`${field}.`))) values.set(field, {});
  return build(values);
}

