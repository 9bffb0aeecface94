import path from 'node:path';

/**
 * The sample files of ../shared/samples (small real-format inputs and what a correct ingest
 * reports), copied into the repository so tests do not depend on where shared/ lies.
 */
export const SAMPLES_DIR = path.resolve(import.meta.dirname, '../fixtures/samples');
export const OTLP_SAMPLES_DIR = path.join(SAMPLES_DIR, 'otlp');
