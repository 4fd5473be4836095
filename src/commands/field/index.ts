import type { Command } from 'commander';
import { register as registerAdd } from './add.js';
import { register as registerList } from './list.js';
import { register as registerRename } from './rename.js';
import { register as registerRemove } from './remove.js';

export function register(program: Command): void {
  const field = program.command('field').description('custom fields: add, list, rename, remove');
  registerAdd(field);
  registerList(field);
  registerRename(field);
  registerRemove(field);
}
