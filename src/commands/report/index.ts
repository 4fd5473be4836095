import type { Command } from 'commander';
import { register as registerRun } from './run.js';
import { register as registerList } from './list.js';
import { register as registerCreate } from './create.js';

export function register(program: Command): void {
  const report = program.command('report').description('standard and custom reports: list, run, create');
  registerList(report);
  registerRun(report);
  registerCreate(report);
}
