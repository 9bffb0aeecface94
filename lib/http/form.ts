import { RENDERED_FOR_ORG_FIELD } from '@/lib/auth/active-org';

/**
 * FormData → plain object for the domain's zod schema. Empty optional inputs are dropped
 * (a blank field means "not given"), and the named fields are read as arrays.
 */
export function formToObject(formData: FormData, arrayFields: readonly string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith('$ACTION')) continue; // React's own bookkeeping fields
    if (key === RENDERED_FOR_ORG_FIELD) continue; // checked by requireUserFor, not domain input
    if (arrayFields.includes(key)) {
      out[key] = formData.getAll(key).filter((value): value is string => typeof value === 'string' && value !== '');
      continue;
    }
    const value = formData.get(key);
    if (typeof value === 'string' && value !== '') out[key] = value;
  }
  for (const key of arrayFields) out[key] ??= [];
  return out;
}
