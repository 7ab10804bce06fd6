import { mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h, nextTick } from 'vue';
import { clockText, remainingUntil, useCountdown } from './countdown';

describe('the offer countdown', () => {
  it('splits the time left into hours, minutes and seconds', () => {
    const now = Date.parse('2026-12-07T12:00:00Z');
    expect(remainingUntil(now + 3_909_000, now)).toEqual({
      expired: false,
      hours: 1,
      minutes: 5,
      seconds: 9,
    });
    expect(clockText(remainingUntil(now + 3_909_000, now))).toBe('1:05:09');
    expect(clockText(remainingUntil(now + 309_000, now))).toBe('05:09');
  });

  it('never counts below zero once the deadline has passed', () => {
    const now = Date.parse('2026-12-07T12:00:00Z');
    expect(remainingUntil(now - 5_000, now)).toEqual({ expired: true, hours: 0, minutes: 0, seconds: 0 });
  });

  describe('in a component', () => {
    beforeEach(() => vi.useFakeTimers({ now: Date.parse('2026-12-07T12:00:00Z') }));
    afterEach(() => vi.useRealTimers());

    it('ticks every second until the offer expires', async () => {
      const Timer = defineComponent({
        setup() {
          const countdown = useCountdown('2026-12-07T12:00:03Z');
          return () => h('span', countdown.remaining.value.expired ? 'expired' : countdown.text.value);
        },
      });
      const wrapper = mount(Timer);
      expect(wrapper.text()).toBe('00:03');
      vi.advanceTimersByTime(1000);
      await nextTick();
      expect(wrapper.text()).toBe('00:02');
      vi.advanceTimersByTime(2000);
      await nextTick();
      expect(wrapper.text()).toBe('expired');
      wrapper.unmount();
    });
  });
});
