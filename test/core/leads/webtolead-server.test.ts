import { afterEach, describe, expect, it } from 'vitest';
import { memoryOrg } from '../../helpers/org.js';
import { captureWebLead } from '../../../src/core/webtolead/capture.js';
import { startWebToLeadServer, type RunningServer } from '../../../src/core/webtolead/server.js';
import { listRecordsFor } from '../../../src/core/records/service.js';

let running: RunningServer | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

const post = (url: string, body: string) => fetch(url, { method: 'POST', body, headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, redirect: 'manual' });

describe('the web-to-lead HTTP endpoint (in-process, real sockets)', () => {
  it('answers GET, 404 and 405; refuses a field sent twice; the rate limit window slides with the clock', async () => {
    const org = await memoryOrg();
    const lines: string[] = [];
    let clock = 1_000_000;
    running = await startWebToLeadServer({ host: '127.0.0.1', port: 0, postsPerMinute: 2, capture: (form) => captureWebLead(org.session, form), log: (l) => lines.push(l), now: () => clock });
    const url = running.url;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect((await fetch(url)).status).toBe(200);
    expect((await fetch(`${url}other`)).status).toBe(404);
    expect((await fetch(url, { method: 'PUT', body: 'x' })).status).toBe(405);
    const twice = await post(url, 'LastName=A&Company=B&LastName=C');
    expect(twice.status).toBe(400);
    expect(await twice.text()).toContain('The field LastName is sent twice.');
    // No retURL: a plain thank-you with 201.
    expect((await post(url, 'LastName=Ng%E1%BB%8Dc&Company=Vi%E1%BB%87t')).status).toBe(201);
    expect((await post(url, 'LastName=X&Company=Y')).status).toBe(429);
    clock += 60_000;
    expect((await post(url, 'LastName=Later&Company=Y')).status).toBe(201);
    expect(listRecordsFor(org.session, 'Lead').map((l) => [l.LastName, l.Company, l.LeadSource])).toEqual([
      ['Ngọc', 'Việt', 'Web'],
      ['Later', 'Y', 'Web'],
    ]);
    expect(running.stats).toMatchObject({ requests: 7, created: 2, invalid: 1, refused: { rateLimited: 1 } });
    expect(lines).toHaveLength(7);
    expect(lines[0]).toMatch(/ 127\.0\.0\.1 GET \/ 200 info \d+ms$/);
  });
});
