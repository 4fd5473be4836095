import type { AssignResult } from '../../core/leads/assignment.js';
import type { Ui } from '../../cli/ui.js';

export function renderAssignments(ui: Ui, r: AssignResult): void {
  for (const a of r.assigned) ui.ok(`${a.id}: ${a.from ?? '(nobody)'} → ${a.to}${a.rule === undefined ? '' : ` (rule ${a.rule})`}`);
  if (r.unmatched.length > 0) ui.warn(`${r.unmatched.length} lead(s) matched no rule and kept their owner: ${r.unmatched.slice(0, 10).join(', ')}${r.unmatched.length > 10 ? ', …' : ''}`);
  if (r.assigned.length === 0 && r.unmatched.length === 0) ui.line('No leads to assign.');
  for (const file of r.notifications) ui.line(ui.c.dim(`  notification: ${file}`));
}
