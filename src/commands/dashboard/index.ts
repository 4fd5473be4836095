import type { Command } from 'commander';
import { register as registerAdoption } from './adoption.js';
import { register as registerDataQuality } from './data-quality.js';
import { register as registerKpi } from './kpi.js';

export function register(program: Command): void {
  const dashboard = program.command('dashboard').description('dashboards: adoption, data-quality, kpi');
  registerAdoption(dashboard);
  registerDataQuality(dashboard);
  registerKpi(dashboard);
}
