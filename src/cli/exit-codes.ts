import type { ErrorKind } from '../core/errors.js';

/**
 * The one table mapping outcomes to exit codes (also in the README).
 * Scripts rely on these; never renumber.
 */
export const EXIT = {
  success: 0,
  failure: 1,
  usage: 2,
  rejected: 3,
  permission: 4,
  notFound: 5,
} as const;

export const EXIT_BY_KIND: Record<ErrorKind, number> = {
  failure: EXIT.failure,
  usage: EXIT.usage,
  rejected: EXIT.rejected,
  permission: EXIT.permission,
  'not-found': EXIT.notFound,
};

export const EXIT_CODE_TABLE: { code: number; meaning: string }[] = [
  { code: EXIT.success, meaning: 'success' },
  { code: EXIT.failure, meaning: 'failure (bad input file, invalid values, conflict, internal error)' },
  { code: EXIT.usage, meaning: 'usage error (unknown option or field, missing argument, a prompt answer missing under --yes or without a terminal)' },
  { code: EXIT.rejected, meaning: 'finished, but some rows were rejected (see the error file)' },
  { code: EXIT.permission, meaning: 'permission denied for the acting user (--as)' },
  { code: EXIT.notFound, meaning: 'not found (no org in the file, no such record, user, job...)' },
];
