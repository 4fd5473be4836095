import type { Command } from 'commander';
import { register as registerList } from './list.js';
import { register as registerAdd } from './add-value.js';
import { register as registerRemove } from './remove-value.js';

export function register(program: Command): void {
  const picklist = program.command('picklist').description('picklist values of standard and custom fields: list, add-value, remove-value');
  registerList(picklist);
  registerAdd(picklist);
  registerRemove(picklist);
}
