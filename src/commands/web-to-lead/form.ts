import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { CrmError } from '../../core/errors.js';
import { DEFAULT_ACTION_URL, renderLeadForm } from '../../core/webtolead/form.js';
import { action, outcome } from '../../cli/action.js';

interface FormOptions {
  fields?: string;
  returnUrl?: string;
  action: string;
  out?: string;
  title?: string;
}

export function register(group: Command): void {
  group
    .command('form')
    .description('write an HTML lead form that posts to `web-to-lead serve`: --fields FirstName,LastName,Email,Company --return-url https://…')
    .option('--fields <list>', 'comma-separated Lead API names, in form order')
    .option('--return-url <url>', 'where the visitor lands after a successful post (http or https)')
    .option('--action <url>', 'the capture endpoint the form posts to', DEFAULT_ACTION_URL)
    .option('--title <text>', 'page heading (default: "Contact <company>")')
    .option('--out <file>', 'write the form to this file (default: print it)')
    .action(
      action((ctx, options: FormOptions) => {
        if (!options.fields) throw ctx.missing('--fields <list>', 'The form fields');
        if (!options.returnUrl) throw ctx.missing('--return-url <url>', 'The return URL');
        const session = ctx.session();
        const form = renderLeadForm(session, { fields: options.fields.split(','), returnUrl: options.returnUrl, action: options.action, title: options.title });
        let file: string | undefined;
        if (options.out !== undefined) {
          file = ctx.path(options.out);
          try {
            writeFileSync(file, form.html, 'utf8');
          } catch (error) {
            throw new CrmError('FAILURE', `Cannot write ${file}: ${(error as Error).message}`, { hint: 'Choose a writable --out path.' });
          }
        }
        const result = { file: file ?? null, action: form.action, returnUrl: form.returnUrl, fields: form.fields, ...(file ? {} : { html: form.html }) };
        return outcome(result, (ui, r) => {
          if (r.file === null) ui.line(form.html.trimEnd());
          else {
            ui.ok(`Wrote ${r.file}: ${r.fields.length} fields, posts to ${r.action}, returns to ${r.returnUrl}`);
            ui.line(ui.c.dim(`Start the endpoint with: crmctl web-to-lead serve`));
          }
        });
      }),
    );
}
