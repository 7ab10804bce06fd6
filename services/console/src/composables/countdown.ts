// A live countdown to a deadline (an offer's expiry): the remaining time, ticking each second while the
// component is mounted, and whether it has passed.
import { computed, onBeforeUnmount, onMounted, ref, toValue, type MaybeRefOrGetter } from 'vue';

/** The parts of a remaining time, for the words around them. */
export interface Remaining {
  expired: boolean;
  hours: number;
  minutes: number;
  seconds: number;
}

/** Splits the time left until `deadlineMs` at `nowMs`; never negative. */
export function remainingUntil(deadlineMs: number, nowMs: number): Remaining {
  const totalSeconds = Math.max(0, Math.floor((deadlineMs - nowMs) / 1000));
  return {
    expired: deadlineMs <= nowMs,
    hours: Math.floor(totalSeconds / 3600),
    minutes: Math.floor((totalSeconds % 3600) / 60),
    seconds: totalSeconds % 60,
  };
}

/** `1:05:09`, `05:09`: hours only when there are some. */
export function clockText(remaining: Remaining): string {
  const two = (n: number) => String(n).padStart(2, '0');
  const tail = `${two(remaining.minutes)}:${two(remaining.seconds)}`;
  return remaining.hours > 0 ? `${remaining.hours}:${tail}` : tail;
}

/** Ticks once a second until the deadline (an ISO time) has passed. */
export function useCountdown(deadline: MaybeRefOrGetter<string | undefined>, now: () => number = Date.now) {
  const tick = ref(now());
  let timer: ReturnType<typeof setInterval> | undefined;
  onMounted(() => {
    timer = setInterval(() => (tick.value = now()), 1000);
  });
  onBeforeUnmount(() => clearInterval(timer));
  const remaining = computed(() => {
    const at = toValue(deadline);
    return remainingUntil(at ? Date.parse(at) : tick.value, tick.value);
  });
  return { remaining, text: computed(() => clockText(remaining.value)) };
}
