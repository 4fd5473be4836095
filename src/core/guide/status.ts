import { CrmError } from '../errors.js';
import type { OrgSession } from '../org/session.js';
import { auditHasAction, guideStepsDone, markGuideStepDone, settingKeysWithPrefix, tableRowCount } from '../store/org.js';
import { listUsers } from '../store/users.js';
import { findStep, GUIDE, type Signal } from './chapters.js';

export interface StepStatus {
  id: string;
  title: string;
  done: boolean;
  /** How "done" is known: from the org's state, or recorded by the admin. */
  source: 'org' | 'recorded';
  command?: string;
}

export interface ChapterStatus {
  id: string;
  title: string;
  steps: StepStatus[];
}

export interface GuideStatus {
  chapters: ChapterStatus[];
  done: number;
  total: number;
}

function signalHolds(session: OrgSession, signal: Signal): boolean {
  switch (signal.kind) {
    case 'audit':
      return auditHasAction(session.db, signal.prefixes);
    case 'count':
      return tableRowCount(session.db, signal.table) >= signal.atLeast;
    case 'setting':
      return settingKeysWithPrefix(session.db, signal.prefix).length > 0;
    case 'users-active':
      return listUsers(session.db).filter((u) => u.isActive).length >= signal.atLeast;
    case 'any':
      return signal.signals.some((s) => signalHolds(session, s));
  }
}

/** The checklist, with "done" read from the org wherever it can show it. */
export function guideStatus(session: OrgSession): GuideStatus {
  const recorded = guideStepsDone(session.db);
  const chapters = GUIDE.map((chapter) => ({
    id: chapter.id,
    title: chapter.title,
    steps: chapter.steps.map((step): StepStatus => {
      const fromOrg = step.signal ? signalHolds(session, step.signal) : false;
      return {
        id: step.id,
        title: step.title,
        done: fromOrg || recorded.has(step.id),
        source: step.signal ? 'org' : 'recorded',
        ...(step.command ? { command: step.command } : {}),
      };
    }),
  }));
  const steps = chapters.flatMap((c) => c.steps);
  return { chapters, done: steps.filter((s) => s.done).length, total: steps.length };
}

/** Record a step the org cannot show by itself (training, planning). */
export function markStepDone(session: OrgSession, stepId: string): StepStatus {
  const found = findStep(stepId);
  if (!found) {
    throw new CrmError('NOT_FOUND', `The guide has no step "${stepId}".`, {
      hint: `Steps: ${GUIDE.flatMap((c) => c.steps.map((s) => s.id)).join(', ')}.`,
    });
  }
  markGuideStepDone(session.db, found.step.id, session.now().toISOString(), session.actor.id);
  const status = guideStatus(session).chapters.flatMap((c) => c.steps).find((s) => s.id === found.step.id)!;
  return status;
}
