import {
  MongoBulkWriteError,
  MongoNetworkError,
  MongoServerError,
  MongoServerSelectionError,
} from 'mongodb';
import { isMongoUnavailable, toAppError } from '../src';

// The database-away fault test met a 500: a bulk write that could not reach the server throws a
// MongoBulkWriteError whose `errorResponse` is the server-selection error behind it.

const unreachable = () =>
  new MongoServerSelectionError('connect ECONNREFUSED 127.0.0.1:27017', {} as never);

test('a bulk write that could not reach the server answers 503 DATABASE_UNAVAILABLE', () => {
  const bulk = new MongoBulkWriteError(
    unreachable() as never,
    {
      insertedCount: 0,
      matchedCount: 0,
      modifiedCount: 0,
      deletedCount: 0,
      upsertedCount: 0,
      upsertedIds: {},
      insertedIds: {},
    } as never,
  );
  expect(isMongoUnavailable(bulk)).toBe(true);
  expect(toAppError(bulk)).toMatchObject({ status: 503, code: 'DATABASE_UNAVAILABLE' });
});

test('network errors and errors caused by them are 503; a server refusal is not', () => {
  expect(toAppError(new MongoNetworkError('connection 3 to 127.0.0.1:27017 closed')).status).toBe(
    503,
  );
  expect(toAppError(new Error('outbox flush failed', { cause: unreachable() })).status).toBe(503);
  const refusal = new MongoServerError({ message: 'Document failed validation', code: 121 });
  expect(isMongoUnavailable(refusal)).toBe(false);
  expect(toAppError(refusal).status).toBe(500);
  expect(toAppError(new Error('ECONNREFUSED somewhere else')).status).toBe(500);
});
