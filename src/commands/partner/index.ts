import type { Command } from 'commander';
import { register as registerEnable } from './enable.js';
import { register as registerAccount } from './account.js';
import { register as registerUser } from './user.js';
import { register as registerSet } from './set.js';

export function register(program: Command): void {
  const partner = program.command('partner').description('partner relationship management: enable (irreversible), account enable, user add, set claim-limit');
  registerEnable(partner);
  registerAccount(partner);
  registerUser(partner);
  registerSet(partner);
}
