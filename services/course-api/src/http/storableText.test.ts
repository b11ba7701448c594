import { unstorableText } from './storableText.js';

describe('unstorableText', () => {
  it('names every string with a NUL, however deep', () => {
    expect(unstorableText({ a: 'ok', b: ['x', 'y\u0000'], c: { d: '\u0000' } }, 'body')).toEqual([
      { path: 'body.b.1', message: 'Must not contain a NUL character' },
      { path: 'body.c.d', message: 'Must not contain a NUL character' },
    ]);
  });

  it('accepts text without NUL, numbers and nulls', () => {
    expect(unstorableText({ a: 'Ødegård', n: 3, z: null, list: [true] }, 'query')).toEqual([]);
  });
});
