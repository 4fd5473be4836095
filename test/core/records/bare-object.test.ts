import { describe, expect, it } from 'vitest';
import { bareObject } from '../../../src/core/records/bare-object.js';

describe('bareObject', () => {
  it('inherits no keys, and "__proto__" from a file is an ordinary key', () => {
    const fields = bareObject<string>();
    expect(fields['constructor']).toBeUndefined();
    expect('toString' in fields).toBe(false);
    fields['__proto__'] = 'x';
    fields['constructor'] = 'y';
    expect(Object.keys(fields)).toEqual(['__proto__', 'constructor']);
    expect(JSON.stringify(fields)).toBe('{"__proto__":"x","constructor":"y"}');
    expect(bareObject<string>()['__proto__']).toBeUndefined();
  });
});
