/** Dates as people read them in an admin console: absolute, UTC, unambiguous. */
export function formatDateTime(date: Date | string | null | undefined): string {
  if (!date) return '—';
  const value = typeof date === 'string' ? new Date(date) : date;
  return `${value.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
