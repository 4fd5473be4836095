import type { Command } from 'commander';
import { register as registerAdd } from './add.js';
import { register as registerList } from './list.js';
import { register as registerShow } from './show.js';
import { register as registerUpdate } from './update.js';
import { register as registerDeactivate } from './deactivate.js';
import { register as registerResetPassword } from './reset-password.js';

export function register(program: Command): void {
  const user = program.command('user').description('add, list, show, update and deactivate users; reset passwords');
  registerAdd(user);
  registerList(user);
  registerShow(user);
  registerUpdate(user);
  registerDeactivate(user);
  registerResetPassword(user);
}
