import { nameTokens } from './nameTokens.js';

test('folds case and accents and splits on separators', () => {
  expect(nameTokens('ÅSE-marie  Ødegård')).toEqual(['ase', 'marie', 'ødegard']);
  expect(nameTokens("André O'Neill")).toEqual(['andre', 'o', 'neill']);
  expect(nameTokens('Ærlig Ærlig')).toEqual(['ærlig']);
});

test('stored names and queries meet in the same tokens', () => {
  expect(nameTokens('Åse Marie')).toEqual(nameTokens('ase-MARIE'));
});

test('nothing searchable gives no tokens', () => {
  expect(nameTokens('  - , ')).toEqual([]);
});
