import type { OrgSession } from '../org/session.js';
import { iterateRecordsFor } from '../records/service.js';
import { formatFromPath, writeCsvTable, writeXlsxTables, XLSX_CELL_LIMIT, type TableCell, type TableFormat } from './table-file.js';

export interface ExportInput {
  object: string;
  /** Absolute path of the .csv or .xlsx file to write. */
  out: string;
  /** Fields to include (API names or labels); default every field. Id always comes first. */
  fields?: string[] | undefined;
  where?: string | undefined;
}

export interface ExportResult {
  object: string;
  path: string;
  format: TableFormat;
  columns: string[];
  rows: number;
  warnings: string[];
}

/**
 * Export the records the acting user may read to CSV or XLSX, Id first (so
 * the file can be edited and applied back by Id), with API names as headers
 * and every formula-like text cell neutralised.
 */
export function exportRecords(session: OrgSession, input: ExportInput): ExportResult {
  const format = formatFromPath(input.out);
  const object = session.objects.get(input.object);
  const requested = input.fields?.length ? input.fields.map((f) => session.objects.requireField(object, f).name) : object.fields.map((f) => f.name);
  const columns = ['Id', ...new Set(requested.filter((f) => f !== 'Id'))];
  // Records are read through the record service: sharing (--as) applies.
  const records = iterateRecordsFor(session, object.name, { where: input.where });
  const rows = (function* (): Generator<TableCell[]> {
    for (const record of records) yield columns.map((c) => record[c] ?? null);
  })();
  const written = format === 'csv' ? writeCsvTable(input.out, columns, rows) : writeXlsxTables(input.out, [{ name: object.pluralLabel, headers: columns, rows }]);
  const warnings =
    written.truncatedCells > 0
      ? [`${written.truncatedCells} cell(s) longer than Excel's ${XLSX_CELL_LIMIT} characters were cut; export to .csv to keep them whole.`]
      : [];
  return { object: object.name, path: input.out, format, columns, rows: written.rows, warnings };
}
