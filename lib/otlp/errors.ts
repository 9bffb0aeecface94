export type OtlpDecodeErrorCode = 'unsupported_content_type' | 'invalid_json' | 'invalid_protobuf' | 'invalid_shape';

/** A request body that cannot be decoded: the receiver answers 400 (the client must not retry). */
export class OtlpDecodeError extends Error {
  readonly code: OtlpDecodeErrorCode;
  /** JSON path of the offending value, e.g. `resourceLogs[0].scopeLogs[1].logRecords[3].timeUnixNano`. */
  readonly path: string;

  constructor(code: OtlpDecodeErrorCode, message: string, path = '') {
    super(path ? `${path}: ${message}` : message);
    this.name = 'OtlpDecodeError';
    this.code = code;
    this.path = path;
  }
}
