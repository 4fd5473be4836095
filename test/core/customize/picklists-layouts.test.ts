import { describe, expect, it } from 'vitest';
import { addPicklistValue, listPicklist, removePicklistValue, setDefaultPicklistValue } from '../../../src/core/customize/picklists.js';
import { getLayout, parseSection, setLayout } from '../../../src/core/customize/layouts.js';
import { addField } from '../../../src/core/customize/fields.js';
import { CrmError, ValidationError } from '../../../src/core/errors.js';
import { createRecord, updateRecord } from '../../../src/core/records/service.js';
import { listAudit } from '../../../src/core/store/org.js';
import { memoryOrg } from '../../helpers/org.js';

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (e) {
    return (e as CrmError).code;
  }
  return undefined;
};

describe('picklists', () => {
  it('adds Lukewarm to Account.Rating and accepts it on records', async () => {
    const { session, db } = await memoryOrg();
    expect(() => createRecord(session, 'Account', { Name: 'A', Rating: 'Lukewarm' })).toThrow(ValidationError);
    const added = addPicklistValue(session, { object: 'account', field: 'Rating', value: 'Lukewarm' });
    expect(added.value).toMatchObject({ value: 'Lukewarm', isActive: true, sortOrder: 3 });
    expect(createRecord(session, 'Account', { Name: 'A', Rating: 'lukewarm' }).record.Rating).toBe('Lukewarm');
    expect(listPicklist(session, 'account', 'rating').values.map((v) => v.value)).toEqual(['Hot', 'Warm', 'Cold', 'Lukewarm']);
    expect(codeOf(() => addPicklistValue(session, { object: 'account', field: 'Rating', value: 'LUKEWARM' }))).toBe('CONFLICT');
    expect(listAudit(db).find((a) => a.action === 'picklist.add-value')?.target).toBe('Account.Rating');
  });

  it('deactivates values: existing records keep them, new records cannot choose them, re-adding reactivates', async () => {
    const { session } = await memoryOrg();
    const { id } = createRecord(session, 'Account', { Name: 'A', Rating: 'Cold' });
    const removed = removePicklistValue(session, 'account', 'Rating', 'cold');
    expect(removed).toMatchObject({ value: 'Cold', recordsKeepingValue: 1 });
    expect(() => createRecord(session, 'Account', { Name: 'B', Rating: 'Cold' })).toThrow(/not a value of this picklist/);
    expect(updateRecord(session, 'account', id, { Name: 'A2' }).record.Rating).toBe('Cold');
    expect(listPicklist(session, 'account', 'Rating').values.find((v) => v.value === 'Cold')?.isActive).toBe(false);
    const again = addPicklistValue(session, { object: 'account', field: 'Rating', value: 'cold' });
    expect(again.reactivated).toBe(true);
    expect(again.value.value).toBe('Cold');
  });

  it('puts a new open stage before the closed stages, with probability and forecast category', async () => {
    const { session } = await memoryOrg();
    expect(codeOf(() => addPicklistValue(session, { object: 'opportunity', field: 'StageName', value: 'Pilot' }))).toBe('USAGE');
    addPicklistValue(session, { object: 'opportunity', field: 'StageName', value: 'Pilot', probability: 80, forecastCategory: 'best case' });
    const values = listPicklist(session, 'opportunity', 'StageName').values;
    expect(values.slice(-3).map((v) => v.value)).toEqual(['Pilot', 'Closed Won', 'Closed Lost']);
    expect(values.find((v) => v.value === 'Pilot')).toMatchObject({ probability: 80, forecastCategory: 'Best Case' });
    const opp = createRecord(session, 'Opportunity', { Name: 'Deal', StageName: 'Pilot', CloseDate: '2026-12-01' }).record;
    expect(opp).toMatchObject({ Probability: 80, ForecastCategoryName: 'Best Case', IsClosed: false });
    addPicklistValue(session, { object: 'opportunity', field: 'StageName', value: 'Won via partner', won: true });
    expect(listPicklist(session, 'opportunity', 'StageName').values.at(-1)).toMatchObject({ value: 'Won via partner', probability: 100, isWon: true, isClosed: true, forecastCategory: 'Closed' });
    expect(codeOf(() => removePicklistValue(session, 'opportunity', 'StageName', 'Closed Lost'))).toBe('CONFLICT');
    expect(codeOf(() => addPicklistValue(session, { object: 'account', field: 'Rating', value: 'X', probability: 5 }))).toBe('USAGE');
  });

  it('changes the default and refuses non-picklist fields', async () => {
    const { session } = await memoryOrg();
    const after = setDefaultPicklistValue(session, 'task', 'Priority', 'High');
    expect(after.values.filter((v) => v.isDefault).map((v) => v.value)).toEqual(['High']);
    expect(createRecord(session, 'Task', { Subject: 'Call' }).record.Priority).toBe('High');
    expect(codeOf(() => listPicklist(session, 'contact', 'Email'))).toBe('USAGE');
  });
});

describe('page layouts', () => {
  it('stores order, sections and required fields and enforces them on create', async () => {
    const { session, db } = await memoryOrg();
    addField(session, { object: 'contact', label: 'Customer Tier', type: 'picklist', values: ['Gold', 'Silver'] });
    const layout = setLayout(session, {
      object: 'contact',
      required: ['Email', 'Customer Tier'],
      sections: [parseSection('Who:FirstName,LastName'), parseSection('How to reach: Email , Phone')],
    });
    expect(layout.required).toEqual(['Email', 'Customer_Tier__c']);
    expect(layout.order.slice(0, 4)).toEqual(['FirstName', 'LastName', 'Email', 'Phone']);
    expect(layout.sections).toEqual([
      { name: 'Who', fields: ['FirstName', 'LastName'] },
      { name: 'How to reach', fields: ['Email', 'Phone'] },
    ]);
    try {
      createRecord(session, 'Contact', { LastName: 'Kalniņš' });
      expect.unreachable();
    } catch (e) {
      expect((e as ValidationError).problems).toEqual([
        { field: 'Email', message: 'is required by the page layout' },
        { field: 'Customer_Tier__c', message: 'is required by the page layout' },
      ]);
    }
    const { id } = createRecord(session, 'Contact', { LastName: 'Kalniņš', Email: 'k@example.lv', Customer_Tier__c: 'Gold' });
    expect(() => updateRecord(session, 'contact', id, { Email: '' })).toThrow(/Email: is required by the page layout/);
    expect(updateRecord(session, 'contact', id, { Phone: '+371 2000 0000' }).changed.Phone?.to).toBe('+371 2000 0000');
    // Options not given keep their value.
    expect(setLayout(session, { object: 'contact', order: ['Email'] }).required).toEqual(['Email', 'Customer_Tier__c']);
    expect(listAudit(db).filter((a) => a.action === 'layout.set')).toHaveLength(2);
  });

  it('has a default layout and refuses system fields and bad sections', async () => {
    const { session } = await memoryOrg();
    const layout = getLayout(session, 'lead');
    expect(layout.customized).toBe(false);
    expect(layout.order.slice(0, 3)).toEqual(['LastName', 'Company', 'Status']);
    expect(codeOf(() => setLayout(session, { object: 'lead', required: ['CreatedDate'] }))).toBe('USAGE');
    expect(codeOf(() => setLayout(session, { object: 'lead', required: ['Nope'] }))).toBe('UNKNOWN_FIELD');
    expect(codeOf(() => parseSection('no colon'))).toBe('USAGE');
  });
});
