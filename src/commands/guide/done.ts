import type { Command } from 'commander';
import { markStepDone } from '../../core/guide/status.js';
import { action, outcome } from '../../cli/action.js';

export function register(guide: Command): void {
  guide
    .command('done <step>')
    .description('record a step the org cannot show by itself, e.g. guide done train-users')
    .action(
      action((ctx, _options: object, stepId: string) =>
        outcome(markStepDone(ctx.session(), stepId), (ui, step) => ui.ok(`Recorded: ${step.title}`)),
      ),
    );
}
