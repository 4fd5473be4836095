import type { Command } from 'commander';
import { register as registerRun } from './run.js';
import { register as registerList } from './list.js';
import { register as registerShow } from './show.js';
import { register as registerUndo } from './undo.js';

export function register(program: Command): void {
  const group = program
    .command('import')
    .description('import contacts, leads or accounts from Outlook, Google, ACT!, Excel, CSV or vCard files; list, show and undo import jobs');
  registerRun(group);
  registerList(group);
  registerShow(group);
  registerUndo(group);
}
