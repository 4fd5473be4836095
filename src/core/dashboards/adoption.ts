import { isCrmError } from '../errors.js';
import type { OrgSession } from '../org/session.js';
import { requireAdministrator } from '../security/admin.js';
import { commandUsageByUser, lastLoginByUser, recordCountsByUser, type UserRecordCounts } from '../store/reports.js';
import { listUsers } from '../store/users.js';

/** Objects whose records show whether people use the CRM. */
export const ADOPTION_OBJECTS = ['Account', 'Contact', 'Lead', 'Opportunity', 'Task'] as const;

export interface UserAdoption {
  userId: string;
  username: string;
  name: string;
  profile: string;
  isActive: boolean;
  commands: { last7Days: number; last30Days: number; total: number; lastAt: string | null };
  lastLoginAt: string | null;
  /** Per object: records this user created in the last 7 and 30 days, and records they own now. */
  records: Record<string, { created7: number; created30: number; owned: number }>;
  /** The latest login, command run as them, or record they created or changed. */
  lastActivityAt: string | null;
  neverStarted: boolean;
}

export interface AdoptionDashboard {
  asOf: string;
  users: UserAdoption[];
  /** Usernames of active users with no login, no command and no record created or changed. */
  neverStarted: string[];
  totals: { activeUsers: number; activeLast7Days: number; activeLast30Days: number };
  notes: string[];
}

const DAY_MS = 86_400_000;

/**
 * Per user: commands run as them (command_log), records created and owned
 * per object in the last 7/30 days, last activity, and who never started.
 * Administrators only: it shows what other people do.
 */
export function adoptionDashboard(session: OrgSession): AdoptionDashboard {
  requireAdministrator(session, 'see the adoption dashboard');
  const now = session.now();
  const since7 = new Date(now.getTime() - 7 * DAY_MS).toISOString();
  const since30 = new Date(now.getTime() - 30 * DAY_MS).toISOString();
  const usage = commandUsageByUser(session.db, since7, since30);
  const logins = lastLoginByUser(session.db);
  const notes: string[] = [];
  const counts = new Map<string, Map<string, UserRecordCounts>>();
  for (const name of ADOPTION_OBJECTS) {
    const object = session.objects.get(name);
    try {
      session.access.requireObject(object, 'read');
    } catch (error) {
      if (!isCrmError(error) || error.code !== 'PERMISSION_DENIED') throw error;
      notes.push(`${session.actor.username} may not read ${name} records; they are not counted.`);
      continue;
    }
    counts.set(name, recordCountsByUser(session.db, object, since7, since30, session.access.readVisibility(object)));
  }
  const users = listUsers(session.db).map((user): UserAdoption => {
    const used = usage.get(user.id);
    const records: UserAdoption['records'] = {};
    const login = logins.get(user.id) ?? null;
    let last = used?.lastAt ?? null;
    if (login !== null && (last === null || login > last)) last = login;
    for (const [object, byUser] of counts) {
      const c = byUser.get(user.id);
      records[object] = { created7: c?.created7 ?? 0, created30: c?.created30 ?? 0, owned: c?.owned ?? 0 };
      if (c?.lastTouched && (last === null || c.lastTouched > last)) last = c.lastTouched;
    }
    return {
      userId: user.id,
      username: user.username,
      name: [user.firstName, user.lastName].filter(Boolean).join(' '),
      profile: user.profileName,
      isActive: user.isActive,
      commands: { last7Days: used?.since7 ?? 0, last30Days: used?.since30 ?? 0, total: used?.total ?? 0, lastAt: used?.lastAt ?? null },
      lastLoginAt: login,
      records,
      lastActivityAt: last,
      neverStarted: user.isActive && last === null,
    };
  });
  const active = users.filter((u) => u.isActive);
  return {
    asOf: now.toISOString(),
    users,
    neverStarted: active.filter((u) => u.neverStarted).map((u) => u.username),
    totals: {
      activeUsers: active.length,
      activeLast7Days: active.filter((u) => u.lastActivityAt !== null && u.lastActivityAt >= since7).length,
      activeLast30Days: active.filter((u) => u.lastActivityAt !== null && u.lastActivityAt >= since30).length,
    },
    notes,
  };
}
