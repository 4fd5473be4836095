import type { Command } from 'commander';
import { register as registerCreate } from './create.js';
import { register as registerGet } from './get.js';
import { register as registerUpdate } from './update.js';
import { register as registerDelete } from './delete.js';
import { register as registerList } from './list.js';

export function register(program: Command): void {
  const record = program
    .command('record')
    .description('work with records: account, contact, lead, opportunity, opportunitycontactrole, task, user');
  registerCreate(record);
  registerGet(record);
  registerUpdate(record);
  registerDelete(record);
  registerList(record);
}
