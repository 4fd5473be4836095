import type { Command } from 'commander';

/**
 * Top-level commands and where they live. Only the module of the command
 * being run is loaded, so scripts calling crmctl thousands of times start fast.
 */
export interface CommandEntry {
  name: string;
  summary: string;
  load: () => Promise<{ register(program: Command): void }>;
}

export const COMMANDS: CommandEntry[] = [
  { name: 'init', summary: 'create an org and its first System Administrator', load: () => import('../commands/init.js') },
  { name: 'org', summary: 'show or change the company profile and fiscal year', load: () => import('../commands/org/index.js') },
  { name: 'record', summary: 'create, get, update, delete and list records', load: () => import('../commands/record/index.js') },
  { name: 'guide', summary: 'walk through the implementation guide; show its checklist', load: () => import('../commands/guide/index.js') },
  { name: 'quickstart', summary: 'build a demonstration org and show the main job end to end', load: () => import('../commands/quickstart.js') },
];
