import type { Command } from 'commander';
import { register as registerSuggest } from './suggest.js';

export function register(program: Command): void {
  const mapping = program.command('mapping').description('import mappings: which column fills which field');
  registerSuggest(mapping);
}
