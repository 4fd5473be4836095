import { describe, expect, it } from 'vitest';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { openOrgDb } from '../../src/core/store/database.js';
import { sessionFor } from '../../src/core/org/session.js';
import { addQueue, addQueueMember } from '../../src/core/leads/queues.js';
import { addAssignmentRule } from '../../src/core/leads/assignment.js';
import { listRecordsFor } from '../../src/core/records/service.js';
import { orgWithReps, startServe } from './web-to-lead-helpers.js';

const post = (url: string, body: string, type = 'application/x-www-form-urlencoded') =>
  fetch(url, { method: 'POST', body, headers: { 'Content-Type': type }, redirect: 'manual' });

describe('web-to-lead serve (real binary, real HTTP)', () => {
  it('creates and assigns valid leads with a 303 to retURL; refuses bad, honeypot, oversized and too frequent posts; stops on SIGTERM with exit 0', async () => {
    const { dir, dbPath } = await orgWithReps((s) => {
      addQueue(s, 'EMEA Leads', 'lead');
      addQueueMember(s, 'EMEA Leads', 'bob');
      addAssignmentRule(s, { object: 'lead', order: 1, when: "Country = 'Germany'", to: 'queue:EMEA Leads' });
      addAssignmentRule(s, { object: 'lead', order: 2, to: 'round-robin:anna,carl' });
    });
    // Only the return URL's address matters here; the browser test follows the redirect for real.
    const thanks = createServer((_req, res) => res.end('thanks'));
    await new Promise<void>((r) => thanks.listen(0, '127.0.0.1', r));
    const retURL = `http://127.0.0.1:${(thanks.address() as AddressInfo).port}/thanks`;
    const serve = await startServe(dbPath, dir, ['--rate-limit', '8', '--max-body', '4096']);
    try {
      const form = (fields: Record<string, string>) => new URLSearchParams({ retURL, ...fields }).toString();
      const german = await post(serve.url, form({ FirstName: 'Jürgen', LastName: 'Groß', Company: 'Müller GmbH', Email: 'jg@mueller.de', Country: 'Deutschland', contact_me_by_fax_only: '' }));
      expect(german.status).toBe(303);
      expect(german.headers.get('location')).toBe(retURL);
      const finnish = await post(serve.url, form({ LastName: 'Virtanen', Company: 'Valio Oy', Country: 'Suomi' }));
      expect(finnish.status).toBe(303);

      const invalid = await post(serve.url, form({ FirstName: 'Nobody', Email: 'not-an-email' }));
      expect(invalid.status).toBe(400);
      const reasons = await invalid.text();
      expect(reasons).toContain('LastName: is required');
      expect(reasons).toContain('Company: is required');
      expect(reasons).toContain('Email:');
      const honeypot = await post(serve.url, form({ LastName: 'Bot', Company: 'Spam', contact_me_by_fax_only: 'http://spam.example' }));
      expect(honeypot.status).toBe(400);
      const badReturn = await post(serve.url, new URLSearchParams({ retURL: 'javascript:alert(1)', LastName: 'X', Company: 'Y' }).toString());
      expect(badReturn.status).toBe(400);
      const owner = await post(serve.url, form({ LastName: 'Sneaky', Company: 'Z', OwnerId: '005000000000001' }));
      expect(owner.status).toBe(400);
      const oversized = await post(serve.url, form({ LastName: 'Big', Company: 'Big', Description: 'x'.repeat(8000) }));
      expect(oversized.status).toBe(413);
      const json = await post(serve.url, JSON.stringify({ LastName: 'J' }), 'application/json');
      expect(json.status).toBe(415);
      // Eight posts so far from this address: the ninth within the minute is refused.
      const tooMany = await post(serve.url, form({ LastName: 'Late', Company: 'Late' }));
      expect(tooMany.status).toBe(429);
      expect(tooMany.headers.get('retry-after')).toBe('60');

      const db = openOrgDb(dbPath);
      const leads = listRecordsFor(sessionFor(db), 'Lead');
      const queueId = (db.prepare("SELECT id FROM queue WHERE name = 'EMEA Leads'").get() as { id: string }).id;
      const annaId = (db.prepare(`SELECT "Id" AS id FROM "User" WHERE "Username" = 'anna'`).get() as { id: string }).id;
      db.close();
      expect(leads.map((l) => [l.LastName, l.Country, l.LeadSource, l.OwnerId])).toEqual([
        ['Groß', 'Germany', 'Web', queueId],
        ['Virtanen', 'Finland', 'Web', annaId],
      ]);
    } finally {
      const code = await serve.stop();
      thanks.close();
      expect(code).toBe(0);
    }
    const log = serve.stderr();
    expect(log).toMatch(/POST \/ 303 created 00Q\S+ → queue:EMEA Leads \(rule 1\)/);
    expect(log).toMatch(/POST \/ 400 refused: honeypot/);
    expect(log).toMatch(/POST \/ 429 refused: rateLimited/);
    expect(log).toContain('SIGTERM: shutting down');
    // Personal data stays out of the log.
    expect(log).not.toContain('Groß');
    const summary = JSON.parse(serve.stdout()) as { created: number; invalid: number; stoppedBy: string; refused: Record<string, number> };
    expect(summary).toMatchObject({ created: 2, invalid: 3, stoppedBy: 'SIGTERM', refused: { honeypot: 1, tooLarge: 1, rateLimited: 1, other: 1 } });
  });
});
