import { policySettingsSchema, type PolicySettings } from '@/lib/policy/settings';

/**
 * Helpers for importers: read typed values out of parsed JSON without trusting it, and say —
 * with the path in the source file — everything that could not be carried into the policy.
 */

export type JsonRecord = Record<string, unknown>;

export const isRecord = (value: unknown): value is JsonRecord => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * How much security a dropped key takes with it: `critical` a refusal (a deny rule), `high` a
 * restriction or a check (ask rules, allowlists, hooks, managed-only switches), `medium` a
 * hardening switch the policy re-derives or cannot hold. Themes, editors and other comfort keys
 * are not controls.
 */
export type ControlImpact = 'critical' | 'high' | 'medium';
export const CONTROL_IMPACTS: readonly ControlImpact[] = ['critical', 'high', 'medium'];

export interface DroppedControl {
  /** Where in the source file. */
  path: string;
  impact: ControlImpact;
  /** The warning text (also in `warnings`). */
  message: string;
}

export class Warnings {
  readonly list: string[] = [];
  readonly controls: DroppedControl[] = [];
  private readonly seen = new Set<string>();
  add(path: string, message: string): void {
    const text = path ? `${path}: ${message}` : message;
    if (this.seen.has(text)) return;
    this.seen.add(text);
    this.list.push(text);
  }
  /** A warning about a security control that the import loses. */
  control(path: string, message: string, impact: ControlImpact): void {
    const text = path ? `${path}: ${message}` : message;
    if (this.controls.some((control) => control.message === text)) return;
    this.add(path, message);
    this.controls.push({ path, impact, message: text });
  }
}

export interface ImportOutput {
  settings: PolicySettings;
  warnings: string[];
  /** The dropped keys that were security controls (a subset of the warnings). */
  controls?: DroppedControl[];
}

/** `a.b`, `a["odd key"]`, `a[2]`; a top-level key as it is (`editor.fontSize`). */
export function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  if (!parent) return key;
  if (/^[A-Za-z_$][\w$-]*$/.test(key)) return `${parent}.${key}`;
  return `${parent}[${JSON.stringify(key)}]`;
}

/** A short rendering of a value for messages. */
export function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

export function readBoolean(value: unknown, path: string, w: Warnings): boolean | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'boolean') return value;
  w.add(path, `expected true or false, found ${show(value)}; not imported.`);
  return undefined;
}

export interface Sourced {
  value: string;
  path: string;
}

/** An array of strings, each with its path; anything else is warned about and skipped. */
export function readStrings(value: unknown, path: string, w: Warnings): Sourced[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) {
    w.add(path, `expected a list of strings, found ${show(value)}; not imported.`);
    return undefined;
  }
  const items: Sourced[] = [];
  value.forEach((item: unknown, index) => {
    if (typeof item === 'string') items.push({ value: item, path: childPath(path, index) });
    else w.add(childPath(path, index), `expected a string, found ${show(item)}; not imported.`);
  });
  return items;
}

/** An object of strings (MCP env and headers). */
export function readStringRecord(value: unknown, path: string, w: Warnings): Record<string, string> | undefined {
  if (value === undefined) return undefined;
  if (!isRecord(value)) {
    w.add(path, `expected an object of strings, found ${show(value)}; not imported.`);
    return undefined;
  }
  const entries: Array<[string, string]> = [];
  for (const [key, item] of Object.entries(value)) {
    if (key === '__proto__') w.add(childPath(path, key), 'this name is not allowed; not imported.');
    else if (typeof item === 'string') entries.push([key, item]);
    else w.add(childPath(path, key), `expected a string, found ${show(item)}; not imported.`);
  }
  return Object.fromEntries(entries);
}

export function warnUnknownKeys(record: JsonRecord, known: readonly string[], path: string, w: Warnings, why: string): void {
  for (const key of Object.keys(record)) {
    if (!known.includes(key) && key !== '$schema') w.add(childPath(path, key), why);
  }
}

/** The schema's MAX_LIST. */
const MAX_LIST = 500;
export type ListField = 'trustedCommands' | 'deniedCommands' | 'coreTools' | 'excludeTools' | 'gitignore' | 'allowedDomains';

/**
 * Keeps the entries the policy schema accepts (trimmed, domains lowercased, as the schema does)
 * and warns about each other one, so that one bad entry does not cost the whole list.
 */
export function cleanList(field: ListField, items: readonly Sourced[], w: Warnings): string[] {
  const out: string[] = [];
  for (const item of items) {
    const probe = field === 'allowedDomains' ? { network: { allowedDomains: [item.value] } } : { [field]: [item.value] };
    const result = policySettingsSchema.safeParse(probe);
    const value = result.success ? (field === 'allowedDomains' ? result.data.network?.allowedDomains : result.data[field])?.[0] : undefined;
    if (value === undefined) {
      const reason = result.success ? 'not accepted' : (result.error.issues[0]?.message ?? 'not accepted');
      w.add(item.path, `${show(item.value)} was not imported: ${reason}`);
    } else {
      out.push(value);
    }
  }
  if (out.length > MAX_LIST) {
    w.add(items[MAX_LIST]?.path ?? '', `only the first ${MAX_LIST} entries were imported.`);
    out.length = MAX_LIST;
  }
  return out;
}

/** Both Kiro's seed file and Gemini CLI take false, "docker" or "podman"; Gemini also takes true and other commands. */
export function readSandbox(value: unknown, path: string, w: Warnings): PolicySettings['sandbox'] {
  if (value === undefined) return undefined;
  if (value === false || value === 'docker' || value === 'podman') return value;
  if (value === true) {
    // Gemini CLI picks docker or podman, whichever it finds; the policy names one.
    w.add(path, 'true lets the tool choose docker or podman; imported as "docker".');
    return 'docker';
  }
  w.add(path, `${show(value)} is not a sandbox the policy knows (docker, podman or false); not imported.`);
  return undefined;
}

/** `{a: undefined}` → `{}`: an unset field is absent, never undefined. */
export function dropUndefined(settings: PolicySettings): PolicySettings {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(settings)) {
    if (value === undefined) continue;
    out[key] = key === 'telemetry' || key === 'network' ? Object.fromEntries(Object.entries(value as object).filter(([, v]) => v !== undefined)) : value;
  }
  return out as PolicySettings;
}
