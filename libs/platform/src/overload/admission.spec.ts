import { AdmissionGate } from './admission';

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
