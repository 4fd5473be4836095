import type { Command } from 'commander';
import { searchRecords } from '../core/dupes/service.js';
import { action, outcome } from '../cli/action.js';

export function register(program: Command): void {
  program
    .command('find <text>')
    .description('search before create: fuzzy lookup by name, e-mail, phone or company, best matches first')
    .option('--object <object>', 'contact, lead or account (default: all three)')
    .option('--limit <n>', 'at most this many matches (default 10)')
    .action(
      action((ctx, options: { object?: string; limit?: string }, text: string) => {
        const hits = searchRecords(ctx.session(), text, { objects: options.object ? [options.object] : undefined, limit: options.limit ? Number(options.limit) : undefined });
        const json = { query: text, matches: hits.map((h) => ({ object: h.object, id: h.id, name: h.name, score: Math.round(h.score * 1000) / 1000, matched: h.matched, record: h.record })) };
        return outcome(json, (ui, r) => {
          if (r.matches.length === 0) return ui.line(`Nothing like "${text}". Safe to create.`);
          ui.table(
            [{ key: 'score', align: 'right' }, { key: 'object' }, { key: 'id' }, { key: 'name' }, { key: 'email' }, { key: 'matched' }],
            r.matches.map((m) => ({ score: m.score.toFixed(2), object: m.object, id: m.id, name: m.name, email: m.record.Email ?? '', matched: m.matched.join('; ') })),
          );
        });
      }),
    );
}
