import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { chromium } from 'playwright-core';
import { openOrgDb } from '../../src/core/store/database.js';
import { sessionFor } from '../../src/core/org/session.js';
import { addAssignmentRule } from '../../src/core/leads/assignment.js';
import { listRecordsFor } from '../../src/core/records/service.js';
import { BIN, orgWithReps, startServe } from './web-to-lead-helpers.js';

const CHROMIUM = '/usr/bin/chromium';
// In CI the browser test must run (a missing browser fails it); locally it is skipped without Chromium.
const skip = !existsSync(CHROMIUM) && process.env.CI !== 'true';

describe.skipIf(skip)('the generated web-to-lead form in a real browser (headless Chromium)', () => {
  it('fills the form, submits, lands on the return URL, and the lead exists', async () => {
    const { dir, dbPath } = await orgWithReps((s) => {
      addAssignmentRule(s, { object: 'lead', order: 1, when: "Country = 'Latvia'", to: 'user:carl' });
    });
    const thanks = createServer((req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(`<!DOCTYPE html><title>Paldies</title><h1>Thank you</h1><p>${req.method} ${req.url}</p>`);
    });
    await new Promise<void>((r) => thanks.listen(0, '127.0.0.1', r));
    const returnUrl = `http://127.0.0.1:${(thanks.address() as AddressInfo).port}/paldies`;
    const serve = await startServe(dbPath, dir);
    const formFile = join(dir, 'form.html');
    const made = spawnSync(
      process.execPath,
      [BIN, '--db', dbPath, 'web-to-lead', 'form', '--fields', 'FirstName,LastName,Email,Company,Country,Industry,Description', '--return-url', returnUrl, '--action', serve.url, '--out', formFile],
      { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', CRMCTL_DB: '' } },
    );
    expect(made.status).toBe(0);
    const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    try {
      const page = await browser.newPage();
      await page.goto(pathToFileURL(formFile).href);
      expect(await page.title()).toBe('Contact Acme');
      await page.fill('#f_FirstName', 'Anna');
      await page.fill('#f_LastName', 'Bērziņa');
      await page.fill('#f_Email', 'anna@laima.lv');
      await page.fill('#f_Company', 'Laima SIA');
      await page.fill('#f_Country', 'Latvija');
      await page.selectOption('#f_Industry', 'Food & Beverage');
      await page.fill('#f_Description', 'Interested in 50 licences — please call.');
      await Promise.all([page.waitForURL(returnUrl), page.click('button[type=submit]')]);
      expect(page.url()).toBe(returnUrl);
      expect(await page.textContent('h1')).toBe('Thank you');
      expect(await page.textContent('p')).toBe('GET /paldies');
    } finally {
      await browser.close();
      const code = await serve.stop();
      thanks.close();
      expect(code).toBe(0);
    }
    const db = openOrgDb(dbPath);
    const leads = listRecordsFor(sessionFor(db), 'Lead');
    const carl = (db.prepare(`SELECT "Id" AS id FROM "User" WHERE "Username" = 'carl'`).get() as { id: string }).id;
    db.close();
    expect(leads).toHaveLength(1);
    expect(leads[0]).toMatchObject({
      FirstName: 'Anna',
      LastName: 'Bērziņa',
      Email: 'anna@laima.lv',
      Company: 'Laima SIA',
      Country: 'Latvia',
      Industry: 'Food & Beverage',
      Description: 'Interested in 50 licences — please call.',
      LeadSource: 'Web',
      OwnerId: carl,
    });
  });
});
