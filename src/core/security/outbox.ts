import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CrmError } from '../errors.js';

/**
 * Outgoing e-mail as RFC 5322 .eml files in an owner-only folder next to the
 * org file: crmctl sends nothing itself; the admin sends (or imports) them.
 */
export interface MailAddress {
  name?: string | undefined;
  address: string;
}

export interface OutboxMessage {
  from: MailAddress;
  to: MailAddress;
  subject: string;
  /** Plain text; any line endings. */
  body: string;
  date: Date;
  /** Default: a random id at the sender's domain (fixed only in tests' golden files). */
  messageId?: string;
}

/** `<db-dir>/outbox`, the folder every notification goes to. */
export function outboxDirFor(dbPath: string): string {
  if (dbPath === ':memory:') {
    throw new CrmError('USAGE', 'An in-memory org has no outbox folder for notification e-mails.', { hint: 'Use an org file with --db, or pass --no-notify.' });
  }
  return join(dirname(dbPath), 'outbox');
}

// Header values never carry CR/LF: a name like "x\r\nBcc: y" must not add a header.
const oneLine = (text: string): string => text.replace(/[\r\n\t]+/g, ' ').trim();
const isPrintableAscii = (text: string): boolean => /^[\x20-\x7e]*$/.test(text);

/** RFC 2047 encoded words (UTF-8, base64), split on code points so no word exceeds 75 characters. */
export function encodeHeaderWords(text: string): string {
  const clean = oneLine(text);
  if (isPrintableAscii(clean)) return clean;
  const words: string[] = [];
  let chunk = '';
  for (const ch of clean) {
    // 45 bytes of UTF-8 become 60 base64 characters: 72 with the =?UTF-8?B? ?= wrapper.
    if (Buffer.byteLength(chunk + ch, 'utf8') > 45) {
      words.push(chunk);
      chunk = '';
    }
    chunk += ch;
  }
  if (chunk) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w, 'utf8').toString('base64')}?=`).join('\r\n ');
}

export function formatAddress(a: MailAddress): string {
  const address = oneLine(a.address);
  if (!/^[^\s<>@]+@[^\s<>@]+$/.test(address)) throw new CrmError('VALIDATION', `"${address}" is not an e-mail address.`, { hint: 'Fix the user’s e-mail with crmctl user update.' });
  const name = a.name === undefined ? '' : oneLine(a.name);
  if (name === '') return address;
  const display = isPrintableAscii(name) ? `"${name.replace(/[\\"]/g, (c) => `\\${c}`)}"` : encodeHeaderWords(name);
  return `${display} <${address}>`;
}

/** RFC 5322 date: "Mon, 23 Nov 2026 10:00:00 +0000". */
export function formatMailDate(date: Date): string {
  return date.toUTCString().replace(/GMT$/, '+0000');
}

export function formatEml(message: OutboxMessage): string {
  const domain = message.from.address.split('@')[1] ?? 'crmctl.invalid';
  const headers = [
    `From: ${formatAddress(message.from)}`,
    `To: ${formatAddress(message.to)}`,
    `Subject: ${encodeHeaderWords(message.subject)}`,
    `Date: ${formatMailDate(message.date)}`,
    `Message-ID: <${oneLine(message.messageId ?? `${randomBytes(12).toString('hex')}@${domain}`)}>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
  ];
  const body = message.body.replace(/\r\n|\r|\n/g, '\r\n');
  return `${headers.join('\r\n')}\r\n\r\n${body}${body.endsWith('\r\n') ? '' : '\r\n'}`;
}

const stamp = (d: Date): string => d.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);

/**
 * Write a message as `YYYYMMDD-HHMMSS-<username>-<kind>.eml` (UTC) in the
 * outbox (folder 0700, file 0600); never overwrites an earlier message.
 */
export function writeOutboxMessage(outboxDir: string, message: OutboxMessage, naming: { username: string; kind: string }): { file: string } {
  mkdirSync(outboxDir, { recursive: true, mode: 0o700 });
  chmodSync(outboxDir, 0o700);
  const safeName = naming.username.replace(/[^\p{L}\p{N}._@+-]/gu, '_');
  const base = `${stamp(message.date)}-${safeName}-${naming.kind}`;
  const content = formatEml(message);
  for (let n = 1; ; n++) {
    const file = join(outboxDir, `${base}${n === 1 ? '' : `-${n}`}.eml`);
    try {
      writeFileSync(file, content, { mode: 0o600, flag: 'wx' });
      chmodSync(file, 0o600);
      return { file };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}
