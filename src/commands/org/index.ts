import type { Command } from 'commander';
import { register as registerShow } from './show.js';
import { register as registerSet } from './set.js';

export function register(program: Command): void {
  const org = program.command('org').description('the company profile: time zone, locale, currency, fiscal year');
  registerShow(org);
  registerSet(org);
}
