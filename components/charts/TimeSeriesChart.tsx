'use client';

import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { colorAt, dashAt, shortLabel } from './palette';
import { toRows, type ChartSeries } from './types';

/** Series over time as stacked bars (counts) or lines (gaps stay gaps). Renders props only. */
export function TimeSeriesChart({
  series,
  display,
  unit,
  height = 240,
  onSelect,
}: {
  series: ChartSeries[];
  display: 'line' | 'stacked-bar';
  unit: string;
  height?: number;
  onSelect?: (x: string, series: string) => void;
}) {
  const rows = toRows(series);
  const axis = (
    <>
      <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" vertical={false} />
      <XAxis dataKey="x" tickFormatter={shortLabel} tick={{ fontSize: 11, fill: '#475569' }} minTickGap={16} />
      <YAxis tick={{ fontSize: 11, fill: '#475569' }} width={48} allowDecimals={display === 'line'} />
      <Tooltip formatter={(value) => (value === null || value === undefined ? 'no data' : `${String(value)}${unit ? ` ${unit}` : ''}`)} />
      {series.length > 1 ? <Legend wrapperStyle={{ fontSize: 12 }} /> : null}
    </>
  );
  if (display === 'stacked-bar') {
    return (
      <ResponsiveContainer width="100%" height={height}>
        <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          {axis}
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
  return (
    <ResponsiveContainer width="100%" height={height}>
      <LineChart
        data={rows}
        margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
        onClick={(state) => {
          const index = typeof state.activeIndex === 'number' ? state.activeIndex : Number(state.activeIndex);
          const x = rows[index]?.x;
          if (onSelect && typeof x === 'string' && series[0]) onSelect(x, series[0].name);
        }}
      >
        {axis}
        {series.map((s, i) => (
          <Line
            key={s.name}
            dataKey={s.name}
            type="monotone"
            stroke={colorAt(i)}
            strokeDasharray={dashAt(i)}
            strokeWidth={2}
            dot={rows.length <= 45}
            connectNulls={false}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}
