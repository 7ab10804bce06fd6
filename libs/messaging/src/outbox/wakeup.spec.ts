import { Wakeup } from './wakeup';

describe('the relay wakeup', () => {
  it('remembers a ring that came while nobody waited', async () => {
    const wakeup = new Wakeup();
    wakeup.ring();
    const started = Date.now();

    const rung = await wakeup.wait(60_000);

    expect(rung).toBe(true);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('wakes a waiting loop when rung', async () => {
    const wakeup = new Wakeup();
    const waiting = wakeup.wait(60_000);

    wakeup.ring();

    await expect(waiting).resolves.toBe(true);
  });

  it('forgets a ring once it woke the loop, and says when the wait ran out instead', async () => {
    const wakeup = new Wakeup();
    wakeup.ring();
    await wakeup.wait(60_000);
    const started = Date.now();

    const rung = await wakeup.wait(20);

    expect(rung).toBe(false);
    expect(Date.now() - started).toBeGreaterThanOrEqual(15);
  });
});
