import type { OtlpValue } from './types';

/** Agents send numbers and booleans as strings (`"845"`, `"true"`): coerce leniently. */

export function asString(v: OtlpValue | undefined): string | null {
  if (typeof v === 'string') return v === '' ? null : v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return null;
}

/** `845`, `845.0`, `"845"`, `"845.0"` → 845; anything else (incl. "", "abc", NaN) → null. */
export function asNumber(v: OtlpValue | undefined): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' && v.trim() !== '') {
    const n = Number(v.trim());
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

/** A non-negative whole number (rounded), e.g. durations and token counts. */
export function asCount(v: OtlpValue | undefined): number | null {
  const n = asNumber(v);
  return n === null || n < 0 ? null : Math.round(n);
}

/** `true`, `"true"`, `"1"`, `1` → true; `false`, `"false"`, `"0"`, `0` → false; else null. */
export function asBoolean(v: OtlpValue | undefined): boolean | null {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v === 1 ? true : v === 0 ? false : null;
  if (typeof v === 'string') {
    const s = v.trim().toLowerCase();
    if (s === 'true' || s === '1') return true;
    if (s === 'false' || s === '0') return false;
  }
  return null;
}

/** A JSON-string attribute (`tool_parameters`, `function_args`) parsed a second time; objects pass through. */
export function asJsonObject(v: OtlpValue | undefined): Record<string, unknown> | null {
  if (typeof v === 'string') {
    try {
      const parsed: unknown = JSON.parse(v);
      return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
    } catch {
      return null;
    }
  }
  if (typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Uint8Array)) return v;
  return null;
}

/** Decimal nanoseconds → ISO 8601 (millisecond precision), null for "0"/unparseable. */
export function nanosToIso(nanos: string): string | null {
  if (!/^\d+$/.test(nanos) || /^0+$/.test(nanos)) return null;
  const ms = Number(BigInt(nanos) / 1_000_000n);
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}
