import type { Command } from 'commander';
import { register as registerList } from './list.js';
import { register as registerShow } from './show.js';
import { register as registerClone } from './clone.js';
import { register as registerSet } from './set.js';

export function register(program: Command): void {
  const profile = program.command('profile').description('profiles and their object permissions: list, show, clone, set');
  registerList(profile);
  registerShow(profile);
  registerClone(profile);
  registerSet(profile);
}
