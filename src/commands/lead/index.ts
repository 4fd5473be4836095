import type { Command } from 'commander';
import { register as registerAssign } from './assign.js';
import { register as registerReassign } from './reassign.js';
import { register as registerConvert } from './convert.js';
import { register as registerClaim } from './claim.js';

export function register(program: Command): void {
  const lead = program.command('lead').description('leads: assign (run the rules), reassign, convert, claim from a queue');
  registerAssign(lead);
  registerReassign(lead);
  registerConvert(lead);
  registerClaim(lead);
}
