import type { Command } from 'commander';
import { register as registerFind } from './find.js';
import { register as registerMerge } from './merge.js';

export function register(program: Command): void {
  const group = program.command('dupes').description('find likely duplicates (fuzzy, explainable) and merge them by rule or by hand');
  registerFind(group);
  registerMerge(group);
}
