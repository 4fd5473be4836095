import type { Command } from 'commander';
import { GUIDE } from '../../core/guide/chapters.js';
import { guideStatus, markStepDone } from '../../core/guide/status.js';
import { action, outcome } from '../../cli/action.js';
import { runCli } from '../../cli/run.js';
import { renderStatus } from './status.js';

type Choice = 'run' | 'done' | 'skip' | 'quit';

export function register(guide: Command): void {
  guide
    .command('walk', { isDefault: true })
    .description('walk through the guide chapter by chapter, offering to run each step (interactive)')
    .action(
      action(async (ctx) => {
        const session = ctx.session();
        if (!ctx.prompt.interactive) {
          // Without a terminal the walk is the checklist with the commands to run.
          return outcome(guideStatus(session), renderStatus);
        }
        const ui = ctx.err;
        for (const chapter of GUIDE) {
          const status = guideStatus(session).chapters.find((c) => c.id === chapter.id)!;
          ui.line();
          ui.heading(`Chapter: ${chapter.title}`);
          for (const step of chapter.steps) {
            const current = status.steps.find((s) => s.id === step.id)!;
            if (current.done) {
              ui.ok(step.title);
              continue;
            }
            ui.line();
            ui.line(ui.c.bold(step.title));
            ui.line(`  ${step.explain}`);
            if (step.command) ui.line(`  ${ui.c.cyan(step.command)}`);
            const runnable = step.command !== undefined && !step.command.includes('<');
            const choices: { name: string; value: Choice }[] = [
              ...(runnable ? [{ name: 'Run it now', value: 'run' as const }] : []),
              ...(!step.signal ? [{ name: 'Mark it done', value: 'done' as const }] : []),
              { name: 'Skip for now', value: 'skip' },
              { name: 'Stop the walk', value: 'quit' },
            ];
            const choice = await ctx.prompt.select('What next?', choices, { flag: 'crmctl guide status' });
            if (choice === 'quit') return outcome(guideStatus(session), renderStatus);
            if (choice === 'done') markStepDone(session, step.id);
            if (choice === 'run' && step.command) {
              const argv = step.command.split(/\s+/).slice(1);
              await runCli([...argv, '--db', ctx.dbPath, ...(ctx.as ? ['--as', ctx.as] : [])], ctx.io);
            }
          }
        }
        return outcome(guideStatus(session), renderStatus);
      }),
    );
}
