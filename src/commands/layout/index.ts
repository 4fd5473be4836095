import type { Command } from 'commander';
import { register as registerShow } from './show.js';
import { register as registerSet } from './set.js';

export function register(program: Command): void {
  const layout = program.command('layout').description('page layouts: field order, sections and required fields for record entry');
  registerShow(layout);
  registerSet(layout);
}
