import { standardizeCountry } from '../clean/countries.js';
import { CrmError } from '../errors.js';
import type { OrgSession } from '../org/session.js';
import { evaluateFilter, parseFilter, type FilterNode } from '../query/filter.js';
import { readVisibleRecord, parseWhere } from '../records/service.js';
import { requireAdministrator } from '../security/admin.js';
import { auditSetupChange } from '../security/audit.js';
import { inTransaction } from '../store/database.js';
import {
  deleteAssignmentRule,
  insertAssignmentRule,
  listAssignmentRules,
  readRoundRobinIndex,
  writeRoundRobinIndex,
  type AssignmentRuleRow,
  type AssignmentTargetKind,
} from '../store/leads.js';
import { findQueueById, findQueueByName, queueMemberUserIds } from '../store/queues.js';
import { iterateRecords, updateRecordFields, type CrmRecord } from '../store/records.js';
import { findUserById, findUserByUsername } from '../store/users.js';
import { notifyLeadOwners, type LeadNotification } from './notify.js';
import { requireQueue } from './queues.js';

/** Who ends up owning a lead: a user or a queue. */
export interface OwnerRef {
  kind: 'user' | 'queue';
  id: string;
  name: string;
}

export interface AssignmentRuleView {
  id: number;
  object: string;
  order: number;
  when: string | null;
  /** The target as typed back: user:anna, queue:EMEA Leads, round-robin:anna,bob. */
  to: string;
  notify: boolean;
}

/** Resolve `user:<username>` or `queue:<name>` (a plain username is taken as user:). */
export function resolveOwnerTarget(session: OrgSession, text: string): OwnerRef {
  const [prefix, ...rest] = text.split(':');
  const kind = rest.length === 0 ? 'user' : prefix!.trim().toLowerCase();
  const name = (rest.length === 0 ? text : rest.join(':')).trim();
  if (kind === 'queue') {
    const queue = requireQueue(session, name);
    if (queue.object !== 'Lead') throw new CrmError('USAGE', `The queue "${queue.name}" holds cases, not leads.`, { hint: 'Choose a lead queue: crmctl queue list' });
    return { kind: 'queue', id: queue.id, name: queue.name };
  }
  if (kind !== 'user') throw new CrmError('USAGE', `--to ${text}: expected user:<username> or queue:<queue name>.`, { hint: 'Example: --to user:anna.berzina or --to "queue:EMEA Leads"' });
  const user = findUserByUsername(session.db, name);
  if (!user) throw new CrmError('NOT_FOUND', `No user "${name}".`, { hint: 'Try: crmctl user list', details: { username: name } });
  if (!user.isActive) throw new CrmError('USAGE', `${user.username} is deactivated and cannot own leads.`, { hint: 'Choose an active user.' });
  return { kind: 'user', id: user.id, name: user.username };
}

/** Display name of a lead owner id (username or queue name). */
export function ownerName(session: OrgSession, id: unknown): string | null {
  if (typeof id !== 'string') return null;
  if (id.startsWith('00G')) return findQueueById(session.db, id)?.name ?? id;
  return findUserById(session.db, id)?.username ?? id;
}

function parseRuleTarget(session: OrgSession, text: string): { kind: AssignmentTargetKind; ids: string[] } {
  const colon = text.indexOf(':');
  const kind = colon < 0 ? '' : text.slice(0, colon).trim().toLowerCase();
  const rest = colon < 0 ? '' : text.slice(colon + 1).trim();
  if (kind === 'user' || kind === 'queue') {
    const owner = resolveOwnerTarget(session, `${kind}:${rest}`);
    return { kind: owner.kind, ids: [owner.id] };
  }
  if (kind === 'round-robin') {
    const queue = findQueueByName(session.db, rest);
    if (queue) {
      if (queueMemberUserIds(session.db, queue.id).length === 0) {
        throw new CrmError('USAGE', `The queue "${queue.name}" has no active members to take turns.`, { hint: `Add members first: crmctl queue member add "${queue.name}" <username>` });
      }
      return { kind: 'round-robin', ids: [queue.id] };
    }
    const names = rest.split(',').map((n) => n.trim()).filter(Boolean);
    if (names.length === 0) throw new CrmError('USAGE', '--to round-robin: needs a queue or a list of usernames.', { hint: 'Example: --to round-robin:anna,bob,carl' });
    const ids = names.map((n) => resolveOwnerTarget(session, `user:${n}`).id);
    if (new Set(ids).size !== ids.length) throw new CrmError('USAGE', `--to ${text}: a user is listed twice.`, { hint: 'List each user once.' });
    return { kind: 'round-robin', ids };
  }
  throw new CrmError('USAGE', `--to ${text}: expected user:<username>, queue:<queue> or round-robin:<queue or user1,user2,...>.`, {
    hint: 'Example: --to "queue:EMEA Leads"',
  });
}

/**
 * Parse a rule condition against Lead's fields. Field names take their
 * canonical spelling and country literals their standard English name, as
 * imports and web-to-lead store them ("Deutschland" → "Germany").
 */
export function compileCondition(session: OrgSession, text: string): FilterNode {
  const node = parseFilter(text);
  const visit = (n: FilterNode): FilterNode => {
    switch (n.kind) {
      case 'and':
      case 'or':
        return { kind: n.kind, items: n.items.map(visit) };
      case 'not':
        return { kind: 'not', item: visit(n.item) };
      case 'compare': {
        const field = session.objects.requireField(session.objects.get('Lead'), n.field).name;
        return { ...n, field, value: isCountryField(field) && n.op !== 'LIKE' && n.op !== 'NOT LIKE' ? standardCountryLiteral(n.value) : n.value };
      }
      case 'in': {
        const field = session.objects.requireField(session.objects.get('Lead'), n.field).name;
        return { ...n, field, values: isCountryField(field) ? n.values.map(standardCountryLiteral) : n.values };
      }
    }
  };
  return visit(node);
}

const isCountryField = (field: string): boolean => field.endsWith('Country');
const standardCountryLiteral = <T>(value: T): T | string => (typeof value === 'string' ? (standardizeCountry(value)?.name ?? value) : value);

/** Lead values as rules see them: the country in its standard name. */
export function standardizeLeadCountry(values: CrmRecord): void {
  if (typeof values.Country === 'string') {
    const standard = standardizeCountry(values.Country);
    if (standard) values.Country = standard.name;
  }
}

function ruleView(session: OrgSession, rule: AssignmentRuleRow): AssignmentRuleView {
  let to: string;
  if (rule.targetKind === 'round-robin') to = `round-robin:${rule.targetIds.map((id) => ownerName(session, id)).join(',')}`;
  else to = `${rule.targetKind}:${ownerName(session, rule.targetIds[0])}`;
  return { id: rule.id, object: rule.object, order: rule.order, when: rule.condition, to, notify: rule.notify };
}

function requireLeadObject(objectName: string): void {
  if (objectName.trim().toLowerCase() !== 'lead') {
    throw new CrmError('USAGE', `Assignment rules apply to leads, not "${objectName}".`, { hint: 'Example: crmctl assignment-rule add lead --order 1 --to "queue:EMEA Leads"' });
  }
}

export interface AddRuleInput {
  object: string;
  order: number;
  when?: string | undefined;
  to: string;
  notify?: boolean | undefined;
}

export function addAssignmentRule(session: OrgSession, input: AddRuleInput): AssignmentRuleView {
  requireAdministrator(session, 'change assignment rules');
  requireLeadObject(input.object);
  if (!Number.isInteger(input.order) || input.order < 1) throw new CrmError('USAGE', `--order ${input.order}: expected a whole number from 1.`, { hint: 'Rules run in --order; the first match wins.' });
  const when = input.when === undefined || input.when.trim() === '' ? null : input.when.trim();
  if (when !== null) compileCondition(session, when);
  const target = parseRuleTarget(session, input.to);
  const existing = listAssignmentRules(session.db, 'Lead');
  if (existing.some((r) => r.order === input.order)) {
    throw new CrmError('CONFLICT', `A lead assignment rule with order ${input.order} exists already.`, { hint: `Pick another --order, or remove it: crmctl assignment-rule remove lead ${input.order}` });
  }
  const id = inTransaction(session.db, () => {
    const created = insertAssignmentRule(session.db, {
      object: 'Lead',
      order: input.order,
      condition: when,
      targetKind: target.kind,
      targetIds: target.ids,
      notify: input.notify === true,
      createdAt: session.now().toISOString(),
    });
    auditSetupChange(session, 'assignment-rule.add', `Lead#${input.order}`, null, { when, to: input.to, notify: input.notify === true });
    return created;
  });
  return ruleView(session, listAssignmentRules(session.db, 'Lead').find((r) => r.id === id)!);
}

export function assignmentRuleList(session: OrgSession, objectName = 'lead'): AssignmentRuleView[] {
  requireLeadObject(objectName);
  return listAssignmentRules(session.db, 'Lead').map((r) => ruleView(session, r));
}

export function removeAssignmentRule(session: OrgSession, objectName: string, order: number): { removed: AssignmentRuleView } {
  requireAdministrator(session, 'change assignment rules');
  requireLeadObject(objectName);
  const rule = listAssignmentRules(session.db, 'Lead').find((r) => r.order === order);
  if (!rule) throw new CrmError('NOT_FOUND', `No lead assignment rule with order ${order}.`, { hint: 'Try: crmctl assignment-rule list' });
  const view = ruleView(session, rule);
  inTransaction(session.db, () => {
    deleteAssignmentRule(session.db, rule.id);
    auditSetupChange(session, 'assignment-rule.remove', `Lead#${order}`, { when: view.when, to: view.to }, null);
  });
  return { removed: view };
}

export interface Assignment {
  owner: OwnerRef;
  ruleOrder: number;
  notify: boolean;
}

/**
 * The lead assignment rules, compiled once: call the result per lead; the
 * first matching rule in order wins. Round-robin rules advance their stored
 * pointer, so call it inside the transaction that writes the lead.
 */
export function createLeadAssigner(session: OrgSession): (values: CrmRecord) => Assignment | undefined {
  const rules = listAssignmentRules(session.db, 'Lead').map((rule) => ({
    rule,
    condition: rule.condition === null ? undefined : compileCondition(session, rule.condition),
  }));
  const db = session.db;
  return (values) => {
    for (const { rule, condition } of rules) {
      if (condition && !evaluateFilter(condition, values)) continue;
      const owner = ruleOwner(session, rule);
      if (!owner) continue;
      return { owner, ruleOrder: rule.order, notify: rule.notify };
    }
    return undefined;
  };

  function ruleOwner(s: OrgSession, rule: AssignmentRuleRow): OwnerRef | undefined {
    if (rule.targetKind === 'queue') {
      const queue = findQueueById(db, rule.targetIds[0]!);
      return queue ? { kind: 'queue', id: queue.id, name: queue.name } : undefined;
    }
    let candidates = rule.targetIds;
    if (rule.targetKind === 'round-robin' && candidates.length === 1 && candidates[0]!.startsWith('00G')) candidates = queueMemberUserIds(db, candidates[0]!);
    const active = candidates.filter((id) => findUserById(db, id)?.isActive === true);
    if (active.length === 0) return undefined;
    let userId = active[0]!;
    if (rule.targetKind === 'round-robin') {
      const index = readRoundRobinIndex(db, rule.id) % active.length;
      userId = active[index]!;
      writeRoundRobinIndex(db, rule.id, (index + 1) % active.length);
    }
    return { kind: 'user', id: userId, name: ownerName(s, userId)! };
  }
}

export interface OwnerChange {
  id: string;
  from: string | null;
  to: string;
  rule?: number;
}

export interface AssignResult {
  assigned: OwnerChange[];
  /** Leads no rule matched (their owner stays). */
  unmatched: string[];
  notifications: string[];
}

export interface NotifyOptions {
  /** Where notification e-mails go; default `<db-dir>/outbox`. */
  outboxDir?: string | undefined;
}

/** Run the assignment rules on existing (unconverted) leads the user may edit. */
export function assignLeads(session: OrgSession, where: string | undefined, options: NotifyOptions = {}): AssignResult {
  session.access.requireObject(session.objects.get('Lead'), 'edit');
  const filter = parseWhere(session, session.objects.get('Lead'), where);
  const leads = [...iterateRecords(session.db, session.objects.get('Lead'), { filter, visibility: session.access.readVisibility(session.objects.get('Lead')) })].filter((l) => l.IsConverted !== true);
  for (const lead of leads) session.access.requireRecordEdit(session.objects.get('Lead'), lead);
  const result: AssignResult = { assigned: [], unmatched: [], notifications: [] };
  const toNotify: LeadNotification[] = [];
  inTransaction(session.db, () => {
    const assign = createLeadAssigner(session);
    const now = session.now().toISOString();
    for (const lead of leads) {
      const assignment = assign(lead);
      const id = String(lead.Id);
      if (!assignment) {
        result.unmatched.push(id);
        continue;
      }
      if (assignment.owner.id !== lead.OwnerId) {
        updateRecordFields(session.db, session.objects.get('Lead'), id, { OwnerId: assignment.owner.id, LastModifiedDate: now, LastModifiedById: session.actor.id });
        if (assignment.notify) toNotify.push({ lead: { ...lead, OwnerId: assignment.owner.id }, owner: assignment.owner });
      }
      result.assigned.push({ id, from: ownerName(session, lead.OwnerId), to: assignment.owner.name, rule: assignment.ruleOrder });
    }
    if (result.assigned.length > 0) auditSetupChange(session, 'lead.assign', where ?? '(all leads)', null, { leads: result.assigned.length, unmatched: result.unmatched.length });
    result.notifications = notifyLeadOwners(session, toNotify, options.outboxDir);
  });
  return result;
}

export interface ReassignInput {
  ids?: string[] | undefined;
  where?: string | undefined;
  to: string;
  notify?: boolean | undefined;
}

/** Give leads (by id or --where) to a user or a queue, as the acting user may. */
export function reassignLeads(session: OrgSession, input: ReassignInput, options: NotifyOptions = {}): AssignResult {
  const hasIds = (input.ids?.length ?? 0) > 0;
  if (hasIds === (input.where !== undefined)) {
    throw new CrmError('USAGE', 'Name the leads either by id or with --where, not both (and not neither).', { hint: "Example: crmctl lead reassign --where \"Country = 'Germany'\" --to user:anna" });
  }
  const owner = resolveOwnerTarget(session, input.to);
  let leads: CrmRecord[];
  if (hasIds) leads = input.ids!.map((id) => readVisibleRecord(session, session.objects.get('Lead'), id));
  else {
    session.access.requireObject(session.objects.get('Lead'), 'read');
    // A filter may sweep up converted leads; they are read-only, so they stay where they are.
    leads = [...iterateRecords(session.db, session.objects.get('Lead'), { filter: parseWhere(session, session.objects.get('Lead'), input.where), visibility: session.access.readVisibility(session.objects.get('Lead')) })].filter(
      (l) => l.IsConverted !== true,
    );
  }
  for (const lead of leads) {
    if (lead.IsConverted === true) throw new CrmError('CONFLICT', `Lead ${String(lead.Id)} was converted and is read-only.`, { hint: 'Leave converted leads out (e.g. --where "IsConverted = false").' });
    session.access.requireRecordEdit(session.objects.get('Lead'), lead);
  }
  const result: AssignResult = { assigned: [], unmatched: [], notifications: [] };
  inTransaction(session.db, () => {
    const now = session.now().toISOString();
    const toNotify: LeadNotification[] = [];
    for (const lead of leads) {
      const id = String(lead.Id);
      if (lead.OwnerId !== owner.id) {
        updateRecordFields(session.db, session.objects.get('Lead'), id, { OwnerId: owner.id, LastModifiedDate: now, LastModifiedById: session.actor.id });
        toNotify.push({ lead: { ...lead, OwnerId: owner.id }, owner });
      }
      result.assigned.push({ id, from: ownerName(session, lead.OwnerId), to: owner.name });
    }
    auditSetupChange(session, 'lead.reassign', hasIds ? input.ids!.join(',') : input.where!, null, { to: `${owner.kind}:${owner.name}`, leads: leads.length });
    if (input.notify) result.notifications = notifyLeadOwners(session, toNotify, options.outboxDir);
  });
  return result;
}
