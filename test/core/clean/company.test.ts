import { describe, expect, it } from 'vitest';
import { companyKey } from '../../../src/core/clean/company.js';

describe('companyKey', () => {
  it.each([
    [['ACME Inc.', 'Acme, Inc', 'acme incorporated', 'ACME INC', 'The Acme Corporation', 'Acme, L.L.C.', 'Acme Ltd'], 'acme'],
    [['Müller GmbH & Co. KG', 'Müller GmbH', 'MÜLLER AG', 'Muller'], 'muller'],
    [['Straße AG', 'STRASSE AG', 'Strasse'], 'strasse'],
    [['SIA Rīgas Ūdens', 'Rīgas ūdens, SIA', 'RIGAS UDENS'], 'rigas udens'],
    [['AS Latvenergo', 'Latvenergo AS', 'A/S Latvenergo'], 'latvenergo'],
    [['Nokia Oyj', 'Nokia Oy', 'Oy Nokia Ab'], 'nokia'],
    [['Össur hf.', 'Ossur ehf'], 'ossur'],
    [['Petrobras S.A.', 'Petrobras SA', 'PETROBRAS'], 'petrobras'],
    [['Natura Cosméticos Ltda.', 'Natura Cosmeticos'], 'natura cosmeticos'],
    [['Empresa Portuguesa, Lda.', 'Empresa Portuguesa'], 'empresa portuguesa'],
    [['Møller-Mærsk A/S', 'Moller Maersk', 'MØLLER–MÆRSK'], 'moller maersk'],
    [["Ben & Jerry's", 'Ben and Jerrys', 'BEN & JERRY’S'], 'ben and jerrys'],
    [['I.B.M.', 'IBM Corp', 'I.B.M. Corp.'], 'ibm'],
    [['Hotel X S.A.', 'Hotel X SA', 'Hotel X S A', 'HOTEL X, S.A.'], 'hotel x'],
    [['Firma Sp. z o.o.', 'Sp. z o.o. Firma', 'FIRMA SP. Z O. O.'], 'firma'],
    [['阿里巴巴集团', '阿里巴巴'], '阿里巴巴'],
    [['北京百度网讯科技有限公司', '北京百度网讯科技'], '北京百度网讯科技'],
    [['株式会社ソニー', 'ソニー株式会社'], 'ソニー'],
  ])('%j → %s', (names, key) => {
    for (const name of names) expect(companyKey(name)).toBe(key);
  });

  it('keeps a name that is only a legal form, and gives empty for nothing', () => {
    expect(companyKey('Co')).toBe('co');
    expect(companyKey('The Company')).toBe('company');
    expect(companyKey('')).toBe('');
    expect(companyKey(null)).toBe('');
  });

  it('keeps different companies apart', () => {
    expect(companyKey('Acme Logistics')).not.toBe(companyKey('Acme'));
    expect(companyKey('Procter & Gamble')).toBe('procter and gamble');
  });
});
