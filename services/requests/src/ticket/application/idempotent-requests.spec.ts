import { TicketTransitionRefusedError } from '../domain/ticket.errors';
import { failedAttemptLeaves, hashBody, rememberedFrom } from './idempotent-requests';

describe('idempotent requests', () => {
  describe('what a failed attempt leaves behind', () => {
    it('takes the outcome as unknown when PostgreSQL went away, since it may have committed first', () => {
      const terminatedDuringCommit = new Error('Connection terminated unexpectedly');
      const shutDown = Object.assign(new Error('query failed'), {
        driverError: Object.assign(new Error('terminating connection due to administrator command'), {
          code: '57P01',
        }),
      });
      const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
        code: 'ECONNREFUSED',
      });
      expect([terminatedDuringCommit, shutDown, refused].map(failedAttemptLeaves)).toEqual([
        'unknown',
        'unknown',
        'unknown',
      ]);
    });

    it('frees the key after a refusal or a bug, which changed nothing', () => {
      expect(failedAttemptLeaves(new TicketTransitionRefusedError('cancel', 'closed'))).toBe('nothing');
      expect(failedAttemptLeaves(new TypeError('undefined is not a function'))).toBe('nothing');
    });
  });

  describe('what a key remembers', () => {
    it('reads the reserved id and the state it was left in', () => {
      const stored = JSON.stringify({ bodyHash: 'h', reservedId: 'id-1', state: 'unsettled' });
      expect(rememberedFrom(stored)).toEqual({ bodyHash: 'h', reservedId: 'id-1', state: 'unsettled' });
      expect(rememberedFrom(null)).toBeUndefined();
    });

    it('keeps the meaning of keys claimed before ids were reserved: a ticket id is a submission done', () => {
      expect(rememberedFrom(JSON.stringify({ bodyHash: 'h', ticketId: 't-1' }))).toEqual({
        bodyHash: 'h',
        reservedId: 't-1',
        state: 'done',
      });
      expect(rememberedFrom(JSON.stringify({ bodyHash: 'h' }))).toMatchObject({ state: 'running' });
    });
  });

  it('hashes the same body the same whatever the order of its keys', () => {
    expect(hashBody({ rating: 4, comment: 'ok', source: undefined })).toBe(
      hashBody({ comment: 'ok', rating: 4 }),
    );
    expect(hashBody({ action: 'cancel', id: 't-1' })).not.toBe(hashBody({ action: 'reopen', id: 't-1' }));
  });
});
