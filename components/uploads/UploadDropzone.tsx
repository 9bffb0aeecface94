'use client';

import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import { useRenderedForOrg } from '@/components/shell/RenderedForOrg';
import { Button } from '@/components/ui/Button';
import { RENDERED_FOR_ORG_HEADER } from '@/lib/auth/active-org';
import { inputClasses } from '@/components/ui/Field';
import { UploadCounts, type UploadCountsView } from './UploadCounts';

interface FileState {
  key: string;
  name: string;
  size: number;
  phase: 'uploading' | 'processing' | 'done' | 'failed';
  sent: number;
  records: number;
  result?: UploadCountsView & { uploadId: string };
  error?: string;
}

/**
 * Drop (or pick) several files; each is streamed to `uploadUrl` as its own request. The bar
 * shows the bytes sent, then the records the server has processed (it answers with progress
 * lines), then the result.
 */
export function UploadDropzone({ uploadUrl, teams }: { uploadUrl: string; teams: { slug: string; name: string }[] }) {
  const router = useRouter();
  const [files, setFiles] = useState<FileState[]>([]);
  const [team, setTeam] = useState('');
  const [strict, setStrict] = useState(false);
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const renderedForOrg = useRenderedForOrg();

  const update = (key: string, patch: Partial<FileState>) => setFiles((list) => list.map((f) => (f.key === key ? { ...f, ...patch } : f)));

  function send(file: File) {
    const key = `${file.name}-${file.size}-${Date.now()}-${Math.random()}`;
    setFiles((list) => [{ key, name: file.name, size: file.size, phase: 'uploading', sent: 0, records: 0 }, ...list]);
    const query = new URLSearchParams();
    if (team) query.set('team', team);
    if (strict) query.set('mode', 'strict');
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${uploadUrl}${query.size ? `?${query}` : ''}`);
    xhr.setRequestHeader('Accept', 'application/x-ndjson');
    // The upload goes to the organization this page shows, or is refused (409).
    if (renderedForOrg) xhr.setRequestHeader(RENDERED_FOR_ORG_HEADER, renderedForOrg);
    xhr.setRequestHeader('X-Filename', encodeURIComponent(file.name));
    xhr.upload.onprogress = (event) => update(key, { sent: event.loaded, phase: event.loaded >= file.size ? 'processing' : 'uploading' });
    let seen = 0;
    const readLines = () => {
      const text = xhr.responseText;
      const lines = text.slice(seen).split('\n');
      const complete = lines.slice(0, -1);
      seen += complete.reduce((sum, line) => sum + line.length + 1, 0);
      for (const line of complete) {
        if (!line.trim()) continue;
        const message = JSON.parse(line) as { progress?: { bytes: number; records: number }; status?: number; result?: FileState['result']; error?: { message: string; details?: { errors?: { record: number; message: string }[] } } };
        if (message.progress) update(key, { records: message.progress.records, sent: Math.max(message.progress.bytes, 0) });
        else if (message.result) {
          update(key, { phase: 'done', result: message.result, records: message.result.accepted + message.result.duplicates + message.result.rejected });
          router.refresh();
        } else if (message.error) {
          const errors = message.error.details?.errors;
          update(key, { phase: 'failed', error: `${message.error.message}${errors?.length ? ` First: record ${errors[0]!.record}: ${errors[0]!.message}` : ''}` });
          // A refused upload is listed too (as failed), so the list below is stale either way.
          router.refresh();
        }
      }
    };
    xhr.onprogress = readLines;
    xhr.onload = () => {
      if (xhr.getResponseHeader('content-type')?.includes('application/x-ndjson')) readLines();
      else {
        let message = `The server answered ${xhr.status}.`;
        try {
          message = (JSON.parse(xhr.responseText) as { error: { message: string } }).error.message;
        } catch {
          // not JSON
        }
        update(key, { phase: 'failed', error: message });
        router.refresh();
      }
    };
    xhr.onerror = () => update(key, { phase: 'failed', error: 'The connection failed before the upload finished.' });
    xhr.send(file);
  }

  const pick = (list: FileList | null) => {
    for (const file of Array.from(list ?? [])) send(file);
  };

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-4 text-sm">
        <label className="space-y-1">
          <span className="block font-medium text-slate-700">Team for records without one</span>
          <select className={inputClasses} value={team} onChange={(e) => setTeam(e.target.value)} name="team">
            <option value="">(none)</option>
            {teams.map((t) => (
              <option key={t.slug} value={t.slug}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={strict} onChange={(e) => setStrict(e.target.checked)} name="strict" />
          Strict: reject a file with any invalid record
        </label>
      </div>
      <div
        data-testid="dropzone"
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          pick(e.dataTransfer.files);
        }}
        className={`rounded-lg border-2 border-dashed px-6 py-10 text-center text-sm ${dragging ? 'border-sky-400 bg-sky-50' : 'border-slate-300 bg-white'}`}
      >
        <p className="text-slate-700">Drop telemetry, prompt-log or activity-report files here (several at once, plain or .gz)</p>
        <Button variant="secondary" className="mt-3" onClick={() => input.current?.click()}>
          Choose files…
        </Button>
        <input
          ref={input}
          type="file"
          multiple
          className="sr-only"
          aria-label="Files to upload"
          onChange={(e) => {
            pick(e.target.files);
            e.target.value = '';
          }}
        />
      </div>
      {files.length ? (
        <ul className="space-y-3" aria-label="Uploads in progress">
          {files.map((file) => {
            const percent = file.size ? Math.min(100, Math.round((file.sent / file.size) * 100)) : 100;
            return (
              <li key={file.key} className="rounded-md bg-white p-3 ring-1 ring-slate-200" data-testid={`upload-${file.name}`}>
                <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
                  <span className="font-medium text-slate-900">{file.name}</span>
                  <span className="text-slate-500" data-testid="upload-phase">
                    {file.phase === 'uploading' && `sending ${percent}%`}
                    {file.phase === 'processing' && `processing… ${file.records.toLocaleString()} records`}
                    {file.phase === 'done' && 'done'}
                    {file.phase === 'failed' && 'failed'}
                  </span>
                </div>
                <div className="mt-2 h-2 overflow-hidden rounded bg-slate-100" role="progressbar" aria-valuenow={percent} aria-valuemin={0} aria-valuemax={100} aria-label={`Progress of ${file.name}`}>
                  <div className={`h-full ${file.phase === 'failed' ? 'bg-red-500' : file.phase === 'done' ? 'bg-emerald-500' : 'bg-sky-500'}`} style={{ width: `${file.phase === 'done' || file.phase === 'failed' ? 100 : percent}%` }} />
                </div>
                {file.result ? (
                  <div className="mt-3">
                    <UploadCounts result={file.result} />
                    <a className="mt-2 inline-block text-sm text-sky-700 underline" href={`/uploads/${file.result.uploadId}`}>
                      Open this upload
                    </a>
                  </div>
                ) : null}
                {file.error ? <p className="mt-2 text-sm text-red-700">{file.error}</p> : null}
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}
