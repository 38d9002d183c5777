import type { ContentfulStatusCode } from 'hono/utils/http-status';

export type ErrorCode =
  | 'bad_request'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'payload_too_large'
  | 'rate_limited'
  | 'unsupported_media_type'
  | 'unavailable'
  | 'push_not_configured'
  | 'conflict'
  | 'invalid_credentials'
  | 'csrf'
  | 'internal';

/** The one error type: every failure the API reports is one of these, rendered by `errorHandler`. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    /** extra response headers, e.g. Retry-After on a 429 */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const badRequest = (message: string, details?: unknown) => new ApiError(400, 'bad_request', message, details);
export const notFound = (message: string) => new ApiError(404, 'not_found', message);
export const forbidden = (message: string) => new ApiError(403, 'forbidden', message);
export const conflict = (message: string) => new ApiError(409, 'conflict', message);
export const unauthorized = (message: string) => new ApiError(401, 'unauthorized', message);
export const tooLarge = (message: string) => new ApiError(413, 'payload_too_large', message);
export const rateLimited = (message: string, retryAfterSeconds: number) =>
  new ApiError(429, 'rate_limited', message, undefined, { 'retry-after': String(retryAfterSeconds) });

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}
