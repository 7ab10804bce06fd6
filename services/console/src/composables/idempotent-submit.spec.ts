import { describe, expect, it, vi } from 'vitest';
import { ApiProblem } from '../api/problem';
import { useIdempotentSubmit } from './idempotent-submit';

function keys() {
  let next = 0;
  return () => `key-${++next}`;
}
const noWait = () => Promise.resolve();

describe('an idempotent submission', () => {
  it('retries a send that got no answer with the same Idempotency-Key', async () => {
    const send = vi
      .fn<(key: string) => Promise<string>>()
      .mockRejectedValueOnce(new TypeError('Failed to fetch'))
      .mockRejectedValueOnce(new ApiProblem(503, { detail: '服务暂时不可用' }))
      .mockResolvedValueOnce('ticket-1');
    const filing = useIdempotentSubmit(send, { newKey: keys(), sleep: noWait });
    await expect(filing.submit()).resolves.toBe('ticket-1');
    expect(send.mock.calls.map(([key]) => key)).toEqual(['key-1', 'key-1', 'key-1']);
    expect(filing.attempts.value).toBe(3);
  });

  it('retries while the same submission is still being filed (409 idempotency.in-progress)', async () => {
    const send = vi
      .fn<(key: string) => Promise<string>>()
      .mockRejectedValueOnce(new ApiProblem(409, { code: 'idempotency.in-progress' }))
      .mockResolvedValueOnce('ticket-1');
    const filing = useIdempotentSubmit(send, { newKey: keys(), sleep: noWait });
    await expect(filing.submit()).resolves.toBe('ticket-1');
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('files once when the button is tapped twice', async () => {
    let answer!: (value: string) => void;
    const send = vi.fn(() => new Promise<string>((resolve) => (answer = resolve)));
    const filing = useIdempotentSubmit(send, { newKey: keys(), sleep: noWait });
    const first = filing.submit();
    const second = filing.submit();
    expect(filing.submitting.value).toBe(true);
    answer('ticket-1');
    await expect(Promise.all([first, second])).resolves.toEqual(['ticket-1', 'ticket-1']);
    expect(send).toHaveBeenCalledTimes(1);
    expect(filing.submitting.value).toBe(false);
  });

  it('gives up after the last retry and keeps the key, so a later tap still files once', async () => {
    const send = vi.fn<(key: string) => Promise<string>>().mockRejectedValue(new TypeError('offline'));
    const filing = useIdempotentSubmit(send, { newKey: keys(), sleep: noWait, retries: 2 });
    await expect(filing.submit()).rejects.toThrow('offline');
    expect(send).toHaveBeenCalledTimes(3);
    expect(filing.key.value).toBe('key-1');
  });

  it('does not retry a refusal, and sends the corrected form with a new key', async () => {
    const send = vi
      .fn<(key: string) => Promise<string>>()
      .mockRejectedValueOnce(new ApiProblem(422, { detail: '类别已停用' }))
      .mockResolvedValueOnce('ticket-1');
    const filing = useIdempotentSubmit(send, { newKey: keys(), sleep: noWait });
    await expect(filing.submit()).rejects.toBeInstanceOf(ApiProblem);
    await filing.submit();
    expect(send.mock.calls.map(([key]) => key)).toEqual(['key-1', 'key-2']);
  });

  it('starts a new form with a new key after a success', async () => {
    const filing = useIdempotentSubmit(async (key) => key, { newKey: keys(), sleep: noWait });
    await expect(filing.submit()).resolves.toBe('key-1');
    filing.renew();
    await expect(filing.submit()).resolves.toBe('key-2');
  });

  it('waits longer before each retry', async () => {
    const sleep = vi.fn((_ms: number) => noWait());
    const send = vi.fn<(key: string) => Promise<string>>().mockRejectedValue(new TypeError('offline'));
    const filing = useIdempotentSubmit(send, { newKey: keys(), sleep, retries: 3, backoffMs: 100 });
    await expect(filing.submit()).rejects.toThrow();
    expect(sleep.mock.calls.map(([ms]) => ms)).toEqual([100, 200, 400]);
  });
});
