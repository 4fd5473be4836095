import { CrmError } from '../errors.js';
import type { OrgSession } from '../org/session.js';
import type { ObjectDef } from '../schema/types.js';
import { executeImport, prepareImport, type ImportResult } from './run.js';
import { MAPPING_VERSION, type Mapping } from './mapping/types.js';
import { openRowSource } from './read/index.js';

/**
 * The Excel round trip: a file from `crmctl export` (API names as headers, Id
 * first), edited in a spreadsheet, applied back by Id. Only cells whose value
 * differs change; an emptied cell clears its field; read-only columns
 * (CreatedDate...) and unknown columns are ignored and reported.
 */
export interface UpdateFromRequest {
  object: string;
  file: string;
  sheet?: string | undefined;
  dryRun?: boolean | undefined;
  successFile?: string | undefined;
  errorsFile?: string | undefined;
}

export function roundTripMapping(object: ObjectDef, headers: string[]): { mapping: Mapping; ignored: string[] } {
  const fields: Mapping['fields'] = {};
  const ignored: string[] = [];
  const byName = new Map(object.fields.map((f) => [f.name.toLowerCase(), f]));
  for (const header of headers) {
    const field = byName.get(header.trim().toLowerCase());
    if (!field) {
      ignored.push(header);
      continue;
    }
    if (field.name === 'Id' || !field.readOnly) fields[field.name] = header;
    else ignored.push(header);
  }
  if (!('Id' in fields)) {
    throw new CrmError('BAD_INPUT_FILE', 'The file has no Id column, so its rows cannot be matched to records.', {
      hint: `Start from a file written by crmctl export ${object.name.toLowerCase()} --out <file>, which puts Id first.`,
    });
  }
  return { mapping: { version: MAPPING_VERSION, object: object.name, fields }, ignored };
}

export async function updateFromFile(session: OrgSession, request: UpdateFromRequest, cwd: string): Promise<ImportResult & { ignoredColumns: string[] }> {
  const object = session.objects.get(request.object);
  const peek = await openRowSource(request.file, { sheet: request.sheet });
  const { mapping, ignored } = roundTripMapping(object, peek.headers);
  const prepared = await prepareImport(session, {
    file: request.file,
    object: object.name,
    sheet: request.sheet,
    allowedObjects: session.objects.all().map((o) => o.name),
    mapping,
    mode: 'update',
    matchOn: 'Id',
    roundTrip: true,
    dryRun: request.dryRun,
    successFile: request.successFile,
    errorsFile: request.errorsFile,
  });
  const result = await executeImport(session, prepared, cwd);
  return { ...result, ignoredColumns: ignored };
}
