import { ChartSkeleton, KpiSkeleton } from '@/components/dashboard/ChartSkeleton';

// The shell (header, tabs, filters) renders first; this stands in for the page's data.
export default function DashboardLoading() {
  return (
    <div className="space-y-4">
      <KpiSkeleton />
      <div className="grid gap-4 lg:grid-cols-2">
        <ChartSkeleton tall />
        <ChartSkeleton />
        <ChartSkeleton />
        <ChartSkeleton />
      </div>
    </div>
  );
}
