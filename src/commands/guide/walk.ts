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
            const runnable = step.command !== undefined;
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
              // Ask for each <placeholder> of the step's command, then run it in this process.
              let command = step.command;
              for (const placeholder of [...new Set(command.match(/<[^>]+>/g) ?? [])]) {
                const answer = await ctx.prompt.input(placeholder.slice(1, -1), { flag: placeholder });
                command = command.replaceAll(placeholder, answer.replaceAll('"', ''));
              }
              const argv = splitCommandLine(command).slice(1);
              ui.line(ui.c.dim(`$ crmctl ${argv.join(' ')}`));
              await runCli([...argv, '--db', ctx.dbPath, ...(ctx.as ? ['--as', ctx.as] : [])], ctx.io);
            }
          }
        }
        return outcome(guideStatus(session), renderStatus);
      }),
    );
}

/** Split a command line on spaces, keeping "quoted words" together (the guide's commands only). */
export function splitCommandLine(line: string): string[] {
  const words: string[] = [];
  for (const match of line.matchAll(/"([^"]*)"|(\S+)/g)) words.push(match[1] ?? match[2]!);
  return words;
}
