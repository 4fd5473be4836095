import type { Command } from 'commander';
import { guideStatus, type GuideStatus } from '../../core/guide/status.js';
import { action, outcome } from '../../cli/action.js';
import type { Ui } from '../../cli/ui.js';

export function register(guide: Command): void {
  guide
    .command('status')
    .description("the guide's checklist per chapter; done is read from the org where it can show it")
    .action(action((ctx) => outcome(guideStatus(ctx.session()), renderStatus)));
}

export function renderStatus(ui: Ui, status: GuideStatus): void {
  for (const chapter of status.chapters) {
    const done = chapter.steps.filter((s) => s.done).length;
    ui.heading(`${chapter.title} ${ui.c.dim(`(${done}/${chapter.steps.length})`)}`);
    for (const step of chapter.steps) {
      const mark = step.done ? ui.c.green('✔') : ui.c.dim('○');
      const how = step.done || !step.command ? '' : ui.c.dim(`  ${step.command}`);
      const manual = step.source === 'recorded' && !step.done ? ui.c.dim(`  (crmctl guide done ${step.id})`) : '';
      ui.line(`  ${mark} ${step.title}${how}${manual}`);
    }
  }
  ui.line();
  ui.line(`${status.done} of ${status.total} steps done.`);
}
