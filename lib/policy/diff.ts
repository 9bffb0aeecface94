/**
 * A readable field-level diff between two settings documents: one entry per changed leaf,
 * with list changes spelled out as added and removed items rather than index shuffles.
 */
export type SettingsChange =
  | { path: string; kind: 'added'; after: unknown }
  | { path: string; kind: 'removed'; before: unknown }
  | { path: string; kind: 'changed'; before: unknown; after: unknown }
  | { path: string; kind: 'list'; before: unknown[]; after: unknown[]; added: unknown[]; removed: unknown[]; reordered: boolean };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const key = (value: unknown) => JSON.stringify(value);

function listChange(path: string, before: unknown[], after: unknown[]): SettingsChange | null {
  if (key(before) === key(after)) return null;
  const remaining = new Map<string, number>();
  for (const item of before) remaining.set(key(item), (remaining.get(key(item)) ?? 0) + 1);
  const added: unknown[] = [];
  for (const item of after) {
    const count = remaining.get(key(item)) ?? 0;
    if (count > 0) remaining.set(key(item), count - 1);
    else added.push(item);
  }
  const removed: unknown[] = [];
  const stillThere = new Map(remaining);
  for (const item of before) {
    const count = stillThere.get(key(item)) ?? 0;
    if (count > 0) {
      removed.push(item);
      stillThere.set(key(item), count - 1);
    }
  }
  return { path, kind: 'list', before, after, added, removed, reordered: added.length === 0 && removed.length === 0 };
}

function walk(path: string, before: unknown, after: unknown, out: SettingsChange[]): void {
  if (before === undefined && after === undefined) return;
  if (before === undefined) {
    out.push({ path, kind: 'added', after });
    return;
  }
  if (after === undefined) {
    out.push({ path, kind: 'removed', before });
    return;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const change = listChange(path, before, after);
    if (change) out.push(change);
    return;
  }
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    for (const child of keys) walk(path ? `${path}.${child}` : child, before[child], after[child], out);
    return;
  }
  if (key(before) !== key(after)) out.push({ path, kind: 'changed', before, after });
}

export function diffSettings(before: unknown, after: unknown): SettingsChange[] {
  const changes: SettingsChange[] = [];
  walk('', before ?? {}, after ?? {}, changes);
  return changes;
}
