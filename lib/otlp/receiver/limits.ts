import { DEFAULT_MAX_BODY_BYTES, type BodyBudget } from './body';

/**
 * Bounded in-flight work: at most `maxRequests` exports are read and decoded at once, holding at
 * most `maxInflightBytes` of decompressed bodies together; the write queue holds at most
 * `maxQueuedRows`. Past any of these the receiver answers 503/429 with Retry-After (the OTLP
 * clients back off and retry), so memory stays bounded whatever the load.
 */
export interface ReceiverLimits {
  maxBodyBytes: number;
  maxRequests: number;
  maxInflightBytes: number;
  maxQueuedRows: number;
  retryAfterSeconds: number;
}

const MiB = 1024 * 1024;

export function receiverLimits(env: Readonly<Record<string, string | undefined>> = process.env): ReceiverLimits {
  const n = (name: string, fallback: number) => {
    const value = Number(env[name]);
    return Number.isFinite(value) && value > 0 ? value : fallback;
  };
  return {
    maxBodyBytes: n('PILOTLIGHT_OTLP_MAX_BODY_BYTES', DEFAULT_MAX_BODY_BYTES),
    maxRequests: n('PILOTLIGHT_OTLP_MAX_INFLIGHT', 64),
    maxInflightBytes: n('PILOTLIGHT_OTLP_MAX_INFLIGHT_BYTES', 512 * MiB),
    maxQueuedRows: n('PILOTLIGHT_OTLP_MAX_QUEUED_ROWS', 200_000),
    retryAfterSeconds: 1,
  };
}

export class SaturatedError extends Error {
  constructor(readonly status: 429 | 503, message: string) {
    super(message);
  }
}

let requests = 0;
let inflightBytes = 0;

/** A slot for one export; `release` gives back the slot and every byte it reserved. */
export function acquireSlot(limits: ReceiverLimits): { budget: BodyBudget; release: () => void } {
  if (requests >= limits.maxRequests) throw new SaturatedError(503, `The receiver is busy (${limits.maxRequests} exports in progress); retry later.`);
  requests++;
  let reserved = 0;
  let released = false;
  return {
    budget: {
      reserve(bytes) {
        if (inflightBytes + bytes > limits.maxInflightBytes) throw new SaturatedError(503, 'The receiver is holding as much data as it may; retry later.');
        inflightBytes += bytes;
        reserved += bytes;
      },
    },
    release() {
      if (released) return;
      released = true;
      requests--;
      inflightBytes -= reserved;
    },
  };
}
