/**
 * Typed errors with stable codes. Core throws these; the CLI maps each
 * `kind` to one exit code (src/cli/exit-codes.ts) and prints message + hint.
 */
export type ErrorKind = 'failure' | 'usage' | 'rejected' | 'permission' | 'not-found';

export type ErrorCode =
  | 'FAILURE'
  | 'USAGE'
  | 'MISSING_ANSWER'
  | 'ORG_EXISTS'
  | 'NO_ORG'
  | 'NOT_FOUND'
  | 'VALIDATION'
  | 'UNKNOWN_OBJECT'
  | 'UNKNOWN_FIELD'
  | 'BAD_FILTER'
  | 'PERMISSION_DENIED'
  | 'INACTIVE_USER'
  | 'BAD_INPUT_FILE'
  | 'ROWS_REJECTED'
  | 'CONFLICT'
  | 'BUSY';

const KIND_BY_CODE: Record<ErrorCode, ErrorKind> = {
  FAILURE: 'failure',
  USAGE: 'usage',
  MISSING_ANSWER: 'usage',
  ORG_EXISTS: 'failure',
  NO_ORG: 'not-found',
  NOT_FOUND: 'not-found',
  VALIDATION: 'failure',
  UNKNOWN_OBJECT: 'usage',
  UNKNOWN_FIELD: 'usage',
  BAD_FILTER: 'usage',
  PERMISSION_DENIED: 'permission',
  INACTIVE_USER: 'permission',
  BAD_INPUT_FILE: 'failure',
  ROWS_REJECTED: 'rejected',
  CONFLICT: 'failure',
  BUSY: 'failure',
};

export interface CrmErrorOptions {
  /** One line telling the user what to try next. */
  hint?: string;
  /** The field, file, row... the error is about, for JSON consumers. */
  details?: Record<string, unknown>;
  cause?: unknown;
}

export class CrmError extends Error {
  readonly code: ErrorCode;
  readonly hint: string | undefined;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, options: CrmErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'CrmError';
    this.code = code;
    this.hint = options.hint;
    this.details = options.details;
  }

  get kind(): ErrorKind {
    return KIND_BY_CODE[this.code];
  }
}

/** One invalid field value; collected so a user sees every problem at once. */
export interface FieldProblem {
  field: string;
  message: string;
}

export class ValidationError extends CrmError {
  readonly problems: FieldProblem[];
  constructor(objectName: string, problems: FieldProblem[], hint?: string) {
    const text = problems.map((p) => `${objectName}.${p.field}: ${p.message}`).join('; ');
    super('VALIDATION', text, { hint, details: { object: objectName, problems } });
    this.name = 'ValidationError';
    this.problems = problems;
  }
}

export const isCrmError = (e: unknown): e is CrmError => e instanceof CrmError;
