import type { Command } from 'commander';
import { listMerges, undoMerge } from '../../core/merge/merge.js';
import { action, outcome } from '../../cli/action.js';

export function register(program: Command): void {
  const group = program.command('merge').description('merges done so far: list them, undo one');
  group
    .command('list')
    .description('merges, newest first')
    .action(
      action((ctx) => {
        const merges = listMerges(ctx.session()).map((m) => ({
          merge: m.id,
          object: m.object,
          survivor: m.masterId,
          merged: m.mergedIds,
          moved: m.moved.length,
          score: m.score,
          batch: m.batchId,
          createdAt: m.createdAt,
          undoneAt: m.undoneAt,
        }));
        return outcome({ merges }, (ui, r) => {
          if (r.merges.length === 0) return ui.line('No merges yet.');
          ui.table(
            [{ key: 'merge' }, { key: 'when' }, { key: 'object' }, { key: 'survivor' }, { key: 'merged' }, { key: 'moved', align: 'right' }, { key: 'status' }],
            r.merges.map((m) => ({ ...m, when: m.createdAt.slice(0, 16).replace('T', ' '), merged: m.merged.join(' '), status: m.undoneAt ? 'undone' : 'merged' })),
          );
        });
      }),
    );
  group
    .command('undo <merge-id>')
    .description('undo a merge: merged records come back with all their values; related records go back')
    .action(
      action((ctx, _options: object, id: string) =>
        outcome(undoMerge(ctx.session(), id), (ui, r) => ui.ok(`Undid ${r.merge}: restored ${r.restored.join(', ')}; ${r.movedBack} related record(s) moved back.`)),
      ),
    );
}
