import { waitFor } from './wait-for';

describe('waitFor', () => {
  it('resolves with the first truthy value the predicate returns', async () => {
    let attempts = 0;

    const value = await waitFor(() => (++attempts >= 3 ? { attempts } : undefined), {
      intervalMs: 1,
      description: 'three attempts',
    });

    expect(value).toEqual({ attempts: 3 });
  });

  it('treats a throwing predicate as not yet and keeps polling', async () => {
    let attempts = 0;

    const value = await waitFor(
      async () => {
        attempts += 1;
        if (attempts < 2) throw new Error('not consumed yet');
        return 'consumed';
      },
      { intervalMs: 1, description: 'the message' },
    );

    expect(value).toBe('consumed');
  });

  it('names what it waited for and the last error when the deadline passes', async () => {
    const never = waitFor(
      () => {
        throw new Error('offset still 0');
      },
      { timeoutMs: 30, intervalMs: 5, description: 'the committed offset' },
    );

    await expect(never).rejects.toThrow(
      /Timed out after 30 ms waiting for the committed offset; last error: offset still 0/,
    );
  });
});
