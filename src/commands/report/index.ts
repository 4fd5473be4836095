import type { Command } from 'commander';
import { register as registerRun } from './run.js';
import { register as registerList } from './list.js';
import { register as registerCreate } from './create.js';
import { register as registerDelete } from './delete.js';

export function register(program: Command): void {
  const report = program.command('report').description('standard and custom reports: list, run, create, delete');
  registerList(report);
  registerRun(report);
  registerCreate(report);
  registerDelete(report);
}
