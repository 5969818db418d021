/** The body of every error the API sends: `{ "error": { "code": "...", "message": "..." } }`. */
export interface ApiError {
  readonly error: {
    readonly code: ApiErrorCode;
    readonly message: string;
  };
}

export type ApiErrorCode =
  | 'bad_request'
  | 'invalid_body'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'method_not_allowed'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'conflict'
  | 'forbidden_endpoint'
  | 'rate_limited'
  | 'internal';

export function apiError(code: ApiErrorCode, message: string): ApiError {
  return { error: { code, message } };
}
