import type { Command } from 'commander';
import { register as registerWalk } from './walk.js';
import { register as registerStatus } from './status.js';
import { register as registerDone } from './done.js';

export function register(program: Command): void {
  const guide = program.command('guide').description("the implementation guide: a walk through its chapters, and its checklist");
  registerWalk(guide);
  registerStatus(guide);
  registerDone(guide);
}
