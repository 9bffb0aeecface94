/**
 * Okabe–Ito colours (distinguishable with the common colour-vision deficiencies), ordered so the
 * first ones contrast with white; lines also differ by dash pattern, so colour is never the only cue.
 */
export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#D55E00', '#56B4E9', '#000000', '#B8A200'] as const;
export const DASHES = ['', '6 3', '2 3', '8 3 2 3', '4 4', '1 2', '10 4', '3 6'] as const;

export function colorAt(index: number): string {
  return PALETTE[index % PALETTE.length]!;
}
export function dashAt(index: number): string {
  return DASHES[index % DASHES.length]!;
}

/** Short tick labels: days as "Nov 2", hours as "09:00", long categories cut. */
export function shortLabel(x: string): string {
  const hour = /^\d{4}-\d{2}-\d{2}T(\d{2}:\d{2})/.exec(x);
  if (hour) return hour[1]!;
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(x);
  if (day) return `${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][Number(day[2]) - 1]} ${Number(day[3])}`;
  return x.length > 28 ? `${x.slice(0, 27)}…` : x;
}
