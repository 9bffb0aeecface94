import { ComingSoon } from '@/components/shell/ComingSoon';

export const metadata = { title: 'Uploads' };

export default function UploadsPage() {
  return (
    <ComingSoon title="Uploads" description="Telemetry events, prompt logs and user activity reports.">
      Upload NDJSON, JSON or CSV telemetry, Amazon Q Developer / Kiro prompt logs and activity reports (plain or gzipped), by
      browser or with <code>POST /api/v1/uploads</code>. Duplicates are recognised and secrets masked before storage.
    </ComingSoon>
  );
}
