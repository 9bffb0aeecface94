'use client';

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { colorAt, shortLabel } from './palette';
import { toRows, type ChartSeries } from './types';

/** Categories as horizontal bars (stacked when there are several series). Renders props only. */
export function CategoryChart({ series, unit, onSelect }: { series: ChartSeries[]; unit: string; onSelect?: (x: string, series: string) => void }) {
  const rows = toRows(series);
  const height = Math.max(120, rows.length * 30 + 40);
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 16, bottom: 0, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" horizontal={false} />
        <XAxis type="number" tick={{ fontSize: 11, fill: '#475569' }} allowDecimals={false} />
        <YAxis type="category" dataKey="x" width={150} tickFormatter={shortLabel} tick={{ fontSize: 11, fill: '#334155' }} />
        <Tooltip formatter={(value) => `${String(value)}${unit ? ` ${unit}` : ''}`} />
        {series.length > 1 ? <Legend wrapperStyle={{ fontSize: 12 }} /> : null}
        {series.map((s, i) => (
          <Bar
            key={s.name}
            dataKey={s.name}
            stackId="stack"
            fill={colorAt(i)}
            isAnimationActive={false}
            cursor={onSelect ? 'pointer' : undefined}
            onClick={(_, index) => {
              const x = rows[index]?.x;
              if (onSelect && typeof x === 'string') onSelect(x, s.name);
            }}
          />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
