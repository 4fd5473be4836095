import type { Command } from 'commander';
import { CrmError } from '../../core/errors.js';
import { listRecordsFor } from '../../core/records/service.js';
import type { CrmRecord } from '../../core/store/records.js';
import { action, outcome } from '../../cli/action.js';
import { defaultColumns, parseFieldList } from './shared.js';

interface ListOptions {
  where?: string;
  fields?: string;
  limit?: string;
  mine?: boolean;
  orderBy?: string;
}

export function register(record: Command): void {
  record
    .command('list <object>')
    .description("list records the acting user can see: record list contact --where \"MailingCountry = 'Latvia'\"")
    .option('--where <filter>', "filter, e.g. \"LastName = 'Doe' AND Email LIKE '%@acme.com'\"")
    .option('--fields <list>', 'comma-separated fields to show')
    .option('--limit <n>', 'at most this many records')
    .option('--order-by <field>', 'sort by a field (prefix - for descending)')
    .option('--mine', 'only records I own')
    .action(
      action((ctx, options: ListOptions, objectName: string) => {
        const session = ctx.session();
        const object = session.objects.get(objectName);
        const fields = parseFieldList(options.fields)?.map((f) => session.objects.requireField(object, f).name);
        const limit = options.limit === undefined ? undefined : Number(options.limit);
        if (limit !== undefined && (!Number.isInteger(limit) || limit < 0)) {
          throw new CrmError('USAGE', `--limit ${options.limit}: expected a whole number.`, { hint: 'Example: --limit 50' });
        }
        let orderBy: { field: string; descending: boolean }[] | undefined;
        if (options.orderBy) {
          const descending = options.orderBy.startsWith('-');
          orderBy = [{ field: session.objects.requireField(object, options.orderBy.replace(/^-/, '')).name, descending }];
        }
        const records = listRecordsFor(session, object.name, { where: options.where, limit, mine: options.mine, orderBy });
        const shown = fields ? records.map((r) => pick(r, ['Id', ...fields.filter((f) => f !== 'Id')])) : records;
        const columns = fields ? ['Id', ...fields.filter((f) => f !== 'Id')] : defaultColumns(object);
        return outcome({ object: object.name, count: shown.length, records: shown }, (ui, r) => {
          ui.table(
            columns.map((key) => ({ key })),
            r.records,
          );
          ui.line(ui.c.dim(`${r.count} ${r.count === 1 ? object.label.toLowerCase() : object.pluralLabel.toLowerCase()}`));
        });
      }),
    );
}

function pick(record: CrmRecord, fields: string[]): CrmRecord {
  return Object.fromEntries(fields.map((f) => [f, record[f] ?? null]));
}
