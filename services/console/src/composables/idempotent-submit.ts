// One submission of a form, filed once however often it is sent: the Idempotency-Key is made when the
// form is opened and reused for every retry, so a double tap or a flaky mobile network never files
// twice. A send that got no answer, or a transient one (429, 502–504), is retried with the same key; a
// refusal (4xx) is not — the person corrects the form, and the corrected form is a new submission.
import { ref } from 'vue';
import { ApiProblem, isNetworkFailure } from '../api/problem';

/** How patient a submission is. */
export interface SubmitOptions {
  /** Retries after the first try (default 3). */
  retries?: number;
  /** Pause before the first retry; doubles each time (default 800 ms). */
  backoffMs?: number;
  /** Makes the key; `crypto.randomUUID` unless a test gives one. */
  newKey?: () => string;
  /** Waits; setTimeout unless a test gives one. */
  sleep?: (ms: number) => Promise<void>;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** True when the same request may be sent again and the key makes that safe. */
export function worthRetrying(error: unknown): boolean {
  return isNetworkFailure(error) || (error instanceof ApiProblem && error.transient);
}

/** A form's submission: `submit` sends with the form's key; `renew` starts a fresh form. */
export function useIdempotentSubmit<T>(
  send: (idempotencyKey: string) => Promise<T>,
  options: SubmitOptions = {},
) {
  const newKey = options.newKey ?? (() => crypto.randomUUID());
  const sleep = options.sleep ?? realSleep;
  const retries = options.retries ?? 3;
  const backoffMs = options.backoffMs ?? 800;

  const key = ref(newKey());
  const submitting = ref(false);
  const attempts = ref(0);
  let inFlight: Promise<T> | undefined;

  async function sendWithRetries(idempotencyKey: string): Promise<T> {
    for (let attempt = 0; ; attempt += 1) {
      attempts.value += 1;
      try {
        return await send(idempotencyKey);
      } catch (error) {
        if (attempt >= retries || !worthRetrying(error)) throw error;
        await sleep(backoffMs * 2 ** attempt);
      }
    }
  }

  /** Sends the form; while a send is under way, a second call joins it instead of sending again. */
  function submit(): Promise<T> {
    if (inFlight) return inFlight;
    submitting.value = true;
    const idempotencyKey = key.value;
    inFlight = sendWithRetries(idempotencyKey)
      .catch((error: unknown) => {
        // A refusal means nothing was filed: the corrected form goes out as a new submission.
        if (!worthRetrying(error)) key.value = newKey();
        throw error;
      })
      .finally(() => {
        submitting.value = false;
        inFlight = undefined;
      });
    return inFlight;
  }

  /** Starts a new form (after a success): the next submit files a new request. */
  function renew(): void {
    key.value = newKey();
    attempts.value = 0;
  }

  return { key, submitting, attempts, submit, renew };
}
