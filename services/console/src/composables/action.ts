// A person's action on a phone screen (accept, confirm, reopen…): the buttons are busy while it runs,
// a toast says how it went — in the services' own words when refused — and the screen reloads after.
import { ref } from 'vue';
import { showFailToast, showSuccessToast } from '../mobile/vant';
import { useProblemMessage } from './problem-message';

/** `run(call, done)` performs the call, toasts `done` and calls `afterSuccess`; `busy` is true meanwhile. */
export function useAction(afterSuccess: () => Promise<unknown> | void) {
  const busy = ref(false);
  const problem = useProblemMessage();
  async function run(call: () => Promise<unknown>, done: string): Promise<void> {
    busy.value = true;
    try {
      await call();
      showSuccessToast(done);
      await afterSuccess();
    } catch (error) {
      showFailToast(problem(error));
    } finally {
      busy.value = false;
    }
  }
  return { busy, run };
}
