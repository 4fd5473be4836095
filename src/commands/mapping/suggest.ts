import type { Command } from 'commander';
import { CrmError } from '../../core/errors.js';
import { openRowSource } from '../../core/import/read/index.js';
import { saveMapping } from '../../core/import/mapping/file.js';
import { suggestMapping, type ColumnSuggestion } from '../../core/import/mapping/suggest.js';
import type { Mapping } from '../../core/import/mapping/types.js';
import { detectSource, forcedSource, SOURCE_KINDS, sourceLabel } from '../../core/import/sources/index.js';
import type { FileFormat, SourceKind } from '../../core/import/types.js';
import { action, outcome } from '../../cli/action.js';
import type { Ui } from '../../cli/ui.js';

interface SuggestOptions {
  object?: string;
  source?: string;
  encoding?: string;
  delimiter?: string;
  sheet?: string;
  save?: string;
}

export interface MappingSuggestResult {
  file: string;
  format: FileFormat;
  encoding: string | null;
  delimiter: string | null;
  sheet: string | null;
  source: SourceKind;
  language: string | null;
  /** How sure the detection is (1 when --source was given). */
  confidence: number;
  reasons: string[];
  object: string;
  columns: ColumnSuggestion[];
  unmapped: string[];
  mapping: Mapping;
  /** Where --save wrote the mapping. */
  saved: string | null;
  warnings: string[];
}

/** Objects an import can target; the mapping is per object. */
const IMPORT_OBJECTS = ['Contact', 'Lead', 'Account'];

export function register(group: Command): void {
  group
    .command('suggest <file>')
    .description('show how each column of a file would map to fields: crmctl mapping suggest contacts.csv --object contact --save mapping.json')
    .option('--object <object>', 'contact, lead or account')
    .option('--source <source>', `auto (default), ${SOURCE_KINDS.join(', ')}; Outlook may name a language, e.g. outlook:de`)
    .option('--encoding <encoding>', 'override the detected encoding, e.g. windows-1252, utf-16le')
    .option('--delimiter <char>', 'override the detected delimiter: , ; tab |')
    .option('--sheet <name|n>', 'spreadsheet sheet by name or number')
    .option('--save <file.json>', 'write the suggested mapping to edit and reuse with crmctl import --mapping')
    .action(
      action(async (ctx, options: SuggestOptions, file: string) => {
        const session = ctx.session();
        const objectName =
          options.object ??
          (await ctx.prompt.select(
            'What do the rows hold?',
            IMPORT_OBJECTS.map((value) => ({ name: `${value}s`, value })),
            { flag: '--object contact|lead|account' },
          ));
        const object = session.objects.get(objectName);
        if (!IMPORT_OBJECTS.includes(object.name)) {
          throw new CrmError('USAGE', `--object ${objectName}: imports fill contacts, leads or accounts.`, { hint: 'Use --object contact, lead or account.' });
        }
        const source = await openRowSource(file === '-' ? file : ctx.path(file), readOptions(options), ctx.io.stdin);
        const detected = detectSource(source.headers, source.format);
        const detection = options.source === undefined || options.source === 'auto' ? detected : forcedSource(options.source, detected);
        const suggestion = suggestMapping(source.headers, object, detection.source, detection.language === undefined ? {} : { language: detection.language });
        let saved: string | null = null;
        if (options.save) {
          saved = ctx.path(options.save);
          await saveMapping(saved, suggestion.mapping);
        }
        const result: MappingSuggestResult = {
          file,
          format: source.format,
          encoding: source.encoding ?? null,
          delimiter: source.delimiter ?? null,
          sheet: source.sheet ?? null,
          source: detection.source,
          language: detection.language ?? null,
          confidence: detection.confidence,
          reasons: detection.reasons,
          object: object.name,
          columns: suggestion.columns,
          unmapped: suggestion.unmapped,
          mapping: suggestion.mapping,
          saved,
          // Only the header was read, so these are the header's own warnings (repeated or empty names).
          warnings: [...source.warnings],
        };
        return outcome(result, render);
      }),
    );
}

function readOptions(options: SuggestOptions): { encoding?: string; delimiter?: string; sheet?: string } {
  return {
    ...(options.encoding === undefined ? {} : { encoding: options.encoding }),
    ...(options.delimiter === undefined ? {} : { delimiter: options.delimiter }),
    ...(options.sheet === undefined ? {} : { sheet: options.sheet }),
  };
}

function render(ui: Ui, r: MappingSuggestResult): void {
  const where = [r.format, r.encoding, r.delimiter === null ? null : r.delimiter === '\t' ? 'tab' : `"${r.delimiter}"`, r.sheet].filter(Boolean).join(', ');
  ui.heading(`${r.file} [${where}]: ${sourceLabel(r.source, r.language ?? undefined)} → ${r.object}`);
  ui.line(ui.c.dim(`  ${r.reasons.join('; ')}`));
  ui.table(
    [{ key: 'column' }, { key: 'field' }, { key: 'how' }, { key: 'confidence', align: 'right' }, { key: 'reason' }],
    r.columns.map((c) => ({
      column: c.column,
      field: c.fields ? c.fields.join(', ') : (c.field ?? ui.c.dim('—')),
      how: c.rule ?? '',
      confidence: c.field ? c.confidence.toFixed(2) : '',
      reason: c.reason,
    })),
  );
  const mapped = r.columns.filter((c) => c.field).length;
  ui.line(`${mapped} of ${r.columns.length} columns mapped${r.unmapped.length ? `; not imported: ${r.unmapped.join(', ')}` : ''}`);
  for (const w of r.warnings) ui.warn(w);
  if (r.saved) ui.ok(`Mapping saved to ${r.saved}; edit it, then: crmctl import ${r.file} --object ${r.object.toLowerCase()} --mapping ${r.saved}`);
}
