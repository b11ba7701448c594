import { StoreUnavailableError } from '@medfri/event-store';
import { isDatabaseUnavailable } from './databaseUnavailable.js';

const withCode = (code: string) => Object.assign(new Error('x'), { code });

test.each([
  ['a refused connection', withCode('ECONNREFUSED')],
  ['a connection exception SQLSTATE', withCode('08006')],
  ['a server shutting down', withCode('57P01')],
  ['a pool timeout', new Error('timeout exceeded when trying to connect')],
  ['a dropped connection', new Error('Connection terminated unexpectedly')],
  ['the store saying so', new StoreUnavailableError(new Error('down'))],
  ['a refusal wrapped as a cause', new Error('outer', { cause: withCode('ECONNREFUSED') })],
  ['a refusal inside an AggregateError', new AggregateError([withCode('ECONNREFUSED')])],
])('%s is unavailability', (_name, error) => {
  expect(isDatabaseUnavailable(error)).toBe(true);
});

test.each([
  ['a unique violation', withCode('23505')],
  ['a syntax error', withCode('42601')],
  ['a plain bug', new TypeError('undefined is not a function')],
  ['not an error at all', 'ECONNREFUSED'],
])('%s is not', (_name, error) => {
  expect(isDatabaseUnavailable(error)).toBe(false);
});
