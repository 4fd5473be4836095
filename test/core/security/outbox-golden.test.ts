import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatEml } from '../../../src/core/security/outbox.js';

const FIXTURE = new URL('../../../fixtures/security/welcome-latvian-sender-chinese-recipient.eml', import.meta.url);

describe('outbox .eml format', () => {
  it('matches the golden welcome message byte for byte (CRLF, encoded words, 8bit UTF-8 body)', () => {
    const eml = formatEml({
      from: { name: 'Jānis Bērziņš', address: 'janis@piens.lv' },
      to: { name: '王 芳', address: 'wang.fang@example.cn' },
      subject: 'Jūsu pieteikšanās Rīgas Piens CRM',
      body: 'Sveiki, 王 芳!\nLogin name: wang.fang\nTemporary password: Xy7pQr2sTu9vWz\n',
      date: new Date('2026-11-23T10:00:00Z'),
      messageId: 'welcome-1@piens.lv',
    });
    expect(eml).toBe(readFileSync(FIXTURE, 'utf8'));
  });
});
