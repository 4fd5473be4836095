import type { Command } from 'commander';
import { register as registerRun } from './run.js';
import { register as registerInit } from './init.js';
import { register as registerUndo } from './undo.js';
import { register as registerList } from './list.js';
import { register as registerShow } from './show.js';

export function register(program: Command): void {
  const group = program
    .command('migrate')
    .description('run a migration plan (accounts, contacts, opportunities, tasks... with lookups between them); init a plan; list, show and undo migrations');
  registerRun(group);
  registerInit(group);
  registerUndo(group);
  registerList(group);
  registerShow(group);
}
