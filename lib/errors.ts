/**
 * Typed errors thrown by lib/ and mapped to HTTP in exactly one place (lib/http/route.ts for
 * route handlers, lib/http/action.ts for server actions). `code` is stable and machine-readable;
 * `message` is for people; `details` carries structured context (e.g. every validation issue).
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export interface ValidationIssue {
  path: string;
  message: string;
}

export class ValidationError extends AppError {
  constructor(message: string, readonly issues: ValidationIssue[] = []) {
    super(400, 'validation_failed', message, issues.length ? { issues } : undefined);
  }
}

export class BadRequestError extends AppError {
  constructor(message: string, details?: unknown, code = 'bad_request') {
    super(400, code, message, details);
  }
}

export class UnauthorizedError extends AppError {
  constructor(message = 'Authentication required: send Authorization: Bearer <token>.') {
    super(401, 'unauthorized', message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = 'You do not have permission to do this.', details?: unknown) {
    super(403, 'forbidden', message, details);
  }
}

export class NotFoundError extends AppError {
  constructor(what = 'The resource') {
    super(404, 'not_found', `${what} was not found.`);
  }
}

export class ConflictError extends AppError {
  constructor(message: string, details?: unknown) {
    super(409, 'conflict', message, details);
  }
}

export class TooLargeError extends AppError {
  constructor(limitBytes: number) {
    super(413, 'payload_too_large', `The request body is larger than the limit of ${limitBytes} bytes.`, { limitBytes });
  }
}

export class UnsupportedMediaTypeError extends AppError {
  constructor(message: string, details?: unknown) {
    super(415, 'unsupported_media_type', message, details);
  }
}

export class TooManyRequestsError extends AppError {
  constructor(message: string, readonly retryAfterSeconds: number) {
    super(429, 'too_many_requests', message, { retryAfterSeconds });
  }
}

/**
 * A form (or browser request) was rendered for another organization than the caller's current
 * one: nothing is done. 409 like other "the state changed under you" answers.
 */
export class OrganizationChangedError extends AppError {
  constructor(message: string) {
    super(409, 'organization_changed', message);
  }
}
