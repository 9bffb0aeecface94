import type { CompleteSettings } from '@/lib/policy/settings';
import { bundleFileName, FORMATS, type ExportContext, type FormatId } from './catalog';
import { exportBundle } from './bundle';
import { FILE_EXPORTERS } from './exporters';

/**
 * Downloads and imports of policy files. Every export is a pure function of (settings, context):
 * the same input gives the same bytes, so the caller can use their sha256 as the ETag.
 */
export {
  FORMAT_IDS,
  FORMATS,
  IMPORTABLE_FORMAT_IDS,
  bundleFileName,
  isFormatId,
  isImportableFormatId,
  templateSlug,
  type ExportContext,
  type FormatId,
  type FormatInfo,
  type ImportableFormatId,
} from './catalog';
export { detectFormat } from './detect';
export { assertDroppedControlsAcknowledged, importPolicy, type DroppedControl, type ImportResult } from './import';

export interface ExportedFile {
  bytes: Uint8Array;
  fileName: string;
  contentType: string;
}

export function exportPolicy(format: FormatId, settings: CompleteSettings, context: ExportContext): ExportedFile {
  const { contentType } = FORMATS[format];
  if (format === 'bundle') return { bytes: exportBundle(settings, context), fileName: bundleFileName(context), contentType };
  return { bytes: new TextEncoder().encode(FILE_EXPORTERS[format](settings, context)), fileName: FORMATS[format].fileName, contentType };
}
