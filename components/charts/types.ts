/** The props every chart renders: series of {x, y} points (y null = a gap). */
export interface ChartPoint {
  x: string;
  y: number | null;
}
export interface ChartSeries {
  name: string;
  data: ChartPoint[];
}

/** Rows as recharts reads them: one object per x with a key per series. */
export function toRows(series: readonly ChartSeries[]): Record<string, string | number | null>[] {
  const first = series[0];
  if (!first) return [];
  return first.data.map((point, i) => {
    const row: Record<string, string | number | null> = { x: point.x };
    for (const s of series) row[s.name] = s.data[i]?.y ?? null;
    return row;
  });
}
