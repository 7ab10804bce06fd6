import { AdmissionGate, ShedBackoff } from './admission';

describe('the admission gate', () => {
  it('admits up to its limit and refuses beyond it until a place is given back', () => {
    const gate = new AdmissionGate(2);
    expect([gate.tryEnter(), gate.tryEnter(), gate.tryEnter()]).toEqual([true, true, false]);
    expect(gate.current).toBe(2);
    gate.leave();
    expect(gate.tryEnter()).toBe(true);
    expect(gate.tryEnter()).toBe(false);
  });

  it('never counts below zero when a place is given back twice', () => {
    const gate = new AdmissionGate(1);
    gate.leave();
    expect(gate.current).toBe(0);
    expect(gate.tryEnter()).toBe(true);
  });
});

describe('the wait asked of shed clients', () => {
  function backoffAt(times: number[], random = () => 0) {
    let index = 0;
    const backoff = new ShedBackoff(() => times[index], random);
    return times.map((_, i) => {
      index = i;
      return backoff.retryAfterSeconds();
    });
  }

  it('asks for 1 s in the first second of overload and doubles each further second up to 4 s', () => {
    expect(backoffAt([0, 500, 999, 1_000, 1_900, 2_000, 2_900, 3_800])).toEqual([1, 1, 1, 2, 2, 4, 4, 4]);
  });

  it('starts over after a second without a refusal', () => {
    expect(backoffAt([0, 800, 1_600, 2_400, 4_000])).toEqual([1, 1, 2, 4, 1]);
  });

  it('spreads the wait over [wait, 2 × wait) so refused clients do not return together', () => {
    expect(backoffAt([0, 900, 1_800, 2_500], () => 0.99)).toEqual([1, 1, 3, 7]);
  });
});
