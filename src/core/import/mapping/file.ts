import { readFile, writeFile } from 'node:fs/promises';
import { CrmError } from '../../errors.js';
import type { ObjectDef } from '../../schema/types.js';
import type { Mapping } from './types.js';
import { validateMapping } from './validate.js';

/** Write a mapping as pretty JSON (the form admins read and edit). */
export async function saveMapping(file: string, mapping: Mapping): Promise<void> {
  await writeFile(file, JSON.stringify(mapping, null, 2) + '\n', 'utf8');
}

/**
 * Read and check a mapping file. Every problem is listed (`path: message`) in one
 * BAD_INPUT_FILE error; pass the file's headers to also check that the columns exist.
 */
export async function loadMapping(file: string, objects: readonly ObjectDef[], headers?: readonly string[]): Promise<Mapping> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    throw new CrmError('USAGE', `Cannot read the mapping file ${file}: ${(cause as Error).message}`, {
      hint: 'Try: crmctl mapping suggest <data file> --object contact --save mapping.json',
      cause,
    });
  }
  return parseMapping(text.replace(/^\ufeff/, ''), file, objects, headers);
}

/** Parse and check mapping JSON text (`file` names it in messages). */
export function parseMapping(text: string, file: string, objects: readonly ObjectDef[], headers?: readonly string[]): Mapping {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw new CrmError('BAD_INPUT_FILE', `${file} is not valid JSON: ${(cause as Error).message}`, {
      hint: 'Fix the JSON syntax (a missing comma or quote), or write a new one with crmctl mapping suggest --save.',
      details: { file },
      cause,
    });
  }
  const check = validateMapping(value, objects, headers);
  if (!check.mapping) {
    throw new CrmError('BAD_INPUT_FILE', `${file} has ${check.problems.length} problem${check.problems.length === 1 ? '' : 's'}:\n  ${check.problems.join('\n  ')}`, {
      hint: 'Fix the listed paths in the mapping file (schemas/mapping.schema.json describes it).',
      details: { file, problems: check.problems },
    });
  }
  return check.mapping;
}
