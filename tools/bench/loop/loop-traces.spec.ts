import { closedLoopsPerSecond, hopLatencies, LoopTrace, LoopTraces } from './loop-traces';

const closedLoop: LoopTrace = {
  submitSentAt: 1_000,
  submitAnsweredAt: 1_020,
  offeredAt: 1_080,
  offerSeenAt: 1_100,
  acceptAnsweredAt: 1_130,
  acceptedAt: 1_125,
  completedAt: 1_200,
  confirmedAt: 1_300,
  creditedAt: 1_340,
  creditSeenAt: 1_350,
};

describe('loop traces', () => {
  it('measures each hop of a closed loop', () => {
    const hops = hopLatencies([closedLoop], [40, 60]);

    expect(hops).toEqual({
      'submit → offered': [100],
      'submit → offer committed': [80],
      'offered → accepted': [30],
      'offer committed → accept committed': [45],
      'completed → hours credited': [140],
      'confirmed → hours credited': [40],
      'event → notification': [40, 60],
      'end to end': [350],
    });
  });

  it('counts a loop that stopped half-way only in the hops it finished', () => {
    const hops = hopLatencies([{ submitSentAt: 1_000, offerSeenAt: 1_200 }]);

    expect(hops['submit → offered']).toEqual([200]);
    expect(hops['end to end']).toEqual([]);
  });

  it('counts the loops closed within the steady window, per second', () => {
    const traces = [1_500, 2_500, 3_500, 9_000].map((creditSeenAt) => ({ submitSentAt: 0, creditSeenAt }));

    expect(closedLoopsPerSecond(traces, 1_000, 3_000)).toBe(1);
  });

  it('wakes the driver waiting for the offer once the observer records it', async () => {
    const traces = new LoopTraces();
    traces.submitted('t-1', { submitSentAt: 1 });

    const offered = traces.until('t-1', 'offered', 5_000);
    traces.record('t-1', { offerSeenAt: 5, memberId: 'm-0001' }, 'offered');

    await expect(offered).resolves.toMatchObject({ memberId: 'm-0001' });
  });

  it('keeps facts seen before the submit was answered', async () => {
    const traces = new LoopTraces();
    traces.record('t-2', { offerSeenAt: 7, assignmentId: 'a-1' }, 'offered');

    traces.submitted('t-2', { submitSentAt: 2 });

    await expect(traces.until('t-2', 'offered', 5_000)).resolves.toMatchObject({ assignmentId: 'a-1' });
  });

  it('wakes the resident once their notification of the completion was delivered, not at the completion itself', async () => {
    const traces = new LoopTraces();
    traces.submitted('t-4', { submitSentAt: 1 });
    let told = false;
    const waiting = traces.until('t-4', 'resident told', 5_000).then(() => (told = true));

    traces.record('t-4', { completedAt: 10 }, 'completed');
    await Promise.resolve();
    expect(told).toBe(false);
    traces.record('t-4', { residentToldAt: 12 }, 'resident told');

    await expect(waiting).resolves.toBe(true);
  });

  it('gives up on a fact that never comes', async () => {
    const traces = new LoopTraces();
    traces.submitted('t-3', { submitSentAt: 1 });

    await expect(traces.until('t-3', 'credited', 10)).rejects.toThrow('no credited for ticket t-3');
  });
});
