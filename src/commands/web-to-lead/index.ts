import type { Command } from 'commander';
import { register as registerForm } from './form.js';
import { register as registerServe } from './serve.js';

export function register(program: Command): void {
  const group = program.command('web-to-lead').description('capture leads from a website: generate the HTML form, run the capture endpoint');
  registerForm(group);
  registerServe(group);
}
