import { describe, expect, it } from 'vitest';
import { cleanEmail, exchangeAddress, isExchangeDn } from '../../../src/core/clean/emails.js';

describe('cleanEmail', () => {
  it.each([
    ['jane@example.com', 'jane@example.com'],
    ['  Jane.Doe@Example.COM ', 'Jane.Doe@example.com'],
    ['mailto:jane@example.com', 'jane@example.com'],
    ['MAILTO:jane@example.com?subject=Hi', 'jane@example.com'],
    ['Jane Doe <jane@example.com>', 'jane@example.com'],
    ['"Doe, Jane" <Jane@Example.com>', 'Jane@example.com'],
    ['jane@example.com (Jane Doe)', 'jane@example.com'],
    ['<jane@example.com>', 'jane@example.com'],
    ['* jane@example.com', 'jane@example.com'],
    ['jānis.bērziņš@piemērs.lv', 'jānis.bērziņš@piemērs.lv'],
    ['guðrún@dæmi.is', 'guðrún@dæmi.is'],
    ['joão@EMPRESA.COM.BR', 'joão@empresa.com.br'],
    ['matti.virtanen@yritys.fi.', 'matti.virtanen@yritys.fi'],
    ['wang.wei@公司.中国', 'wang.wei@公司.中国'],
    ['Jane-O+tag_1%x@Sub.Example.CO.UK', 'Jane-O+tag_1%x@sub.example.co.uk'],
  ])('%s → %s', (raw, value) => {
    expect(cleanEmail(raw)).toEqual({ value });
  });

  it('takes the first valid address of several and keeps the rest in others', () => {
    expect(cleanEmail('anil@example.com ::: anil.k@example.com')).toEqual({ value: 'anil@example.com', others: ['anil.k@example.com'] });
    expect(cleanEmail('a@x.com; b@y.com; a@x.com')).toEqual({ value: 'a@x.com', others: ['b@y.com'] });
    expect(cleanEmail('a@x.com, B@Y.COM')).toEqual({ value: 'a@x.com', others: ['B@y.com'] });
    expect(cleanEmail('Doe, Jane <jane@x.com>, john@y.com')).toEqual({ value: 'jane@x.com', others: ['john@y.com'] });
    expect(cleanEmail('not-an-address; jane@x.com')).toEqual({ value: 'jane@x.com', warning: 'the cell also contained text that is not an e-mail address: "not-an-address"' });
  });

  it('gives null with a problem for things that are not addresses', () => {
    expect(cleanEmail('jane at example dot com')).toEqual({ value: null, problem: '"jane at example dot com" is not a valid e-mail address' });
    expect(cleanEmail('jane@localhost').value).toBeNull();
    expect(cleanEmail('jane..doe@example.com').value).toBeNull();
    // Plain ASCII look-alikes of an address take the same checks as any other cell.
    expect(cleanEmail('.jane@example.com')).toEqual({ value: null, problem: '".jane@example.com" is not a valid e-mail address' });
    expect(cleanEmail('jane.@example.com').value).toBeNull();
    expect(cleanEmail('jane@example.c').value).toBeNull();
    expect(cleanEmail('jane@-example.com').value).toBeNull();
    const dn = cleanEmail('/o=ExchangeLabs/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=3f2a-jane');
    expect(dn.value).toBeNull();
    expect(dn.problem).toMatch(/Exchange directory name.*Display Name/);
  });

  it('treats empty input as no value', () => {
    expect(cleanEmail('')).toEqual({ value: null });
    expect(cleanEmail(' \u200B ')).toEqual({ value: null });
    expect(cleanEmail(undefined)).toEqual({ value: null });
  });
});

describe('exchangeAddress', () => {
  it('takes the SMTP address from an Exchange display name', () => {
    expect(exchangeAddress('Jane Doe (jane@x.com)', 'EX')).toEqual({ value: 'jane@x.com' });
    expect(exchangeAddress('Christian Baumann - Metaways (c.baumann@Metaways.de)', 'SMTP')).toEqual({ value: 'c.baumann@metaways.de' });
    expect(exchangeAddress('Jānis Bērziņš <janis@uznemums.LV>', 'EX')).toEqual({ value: 'janis@uznemums.lv' });
  });

  it('says so when there is no SMTP address to take', () => {
    expect(exchangeAddress('Jane Doe', 'EX')).toEqual({ value: null, problem: 'the Exchange display name "Jane Doe" holds no SMTP address' });
    expect(exchangeAddress('', 'EX').problem).toMatch(/without a display name/);
  });

  it('recognises X.500 DNs', () => {
    expect(isExchangeDn('/o=ExchangeLabs/ou=Exchange Administrative Group/cn=Recipients/cn=abc')).toBe(true);
    expect(isExchangeDn('/O=CONTOSO/OU=FIRST ADMINISTRATIVE GROUP/CN=RECIPIENTS/CN=JDOE')).toBe(true);
    expect(isExchangeDn('jane@x.com')).toBe(false);
  });
});
