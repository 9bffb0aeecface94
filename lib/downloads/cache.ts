import { createHash } from 'node:crypto';

/**
 * Exported files by (version id, format, environment). A version never changes, so an entry
 * never goes stale; the cache only bounds memory (least recently used goes first).
 */
export interface ExportedFile {
  bytes: Uint8Array;
  fileName: string;
  contentType: string;
  /** sha256 of the bytes, hex. */
  sha256: string;
}

const MAX_ENTRIES = 500;
const MAX_BYTES = 64 * 1024 * 1024;

export function withChecksum(made: Omit<ExportedFile, 'sha256'>): ExportedFile {
  return { ...made, sha256: createHash('sha256').update(made.bytes).digest('hex') };
}

export class ExportCache {
  private entries = new Map<string, ExportedFile>();
  private bytes = 0;

  constructor(private readonly maxEntries = MAX_ENTRIES, private readonly maxBytes = MAX_BYTES) {}

  peek(key: string): ExportedFile | undefined {
    return this.entries.get(key);
  }

  get(key: string, produce: () => Omit<ExportedFile, 'sha256'>): ExportedFile {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const file = withChecksum(produce());
    this.entries.set(key, file);
    this.bytes += file.bytes.byteLength;
    while (this.entries.size > this.maxEntries || this.bytes > this.maxBytes) {
      const [oldestKey, oldest] = this.entries.entries().next().value as [string, ExportedFile];
      this.entries.delete(oldestKey);
      this.bytes -= oldest.bytes.byteLength;
    }
    return file;
  }

  get size(): number {
    return this.entries.size;
  }
}
