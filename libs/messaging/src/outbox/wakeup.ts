/**
 * A one-slot doorbell between the LISTEN connection and the relay loop: a ring that arrives while
 * the loop is busy is remembered, so no notification is lost between a fetch and the next wait.
 */
export class Wakeup {
  private rung = false;
  private wake: (() => void) | undefined;

  /** Rings the bell: wakes a waiting loop now, or the next call to `wait`. */
  ring(): void {
    this.rung = true;
    this.wake?.();
  }

  /**
   * Resolves when rung (at once if rung since the last wait) or after `timeoutMs`; says whether it was
   * rung.
   */
  async wait(timeoutMs: number): Promise<boolean> {
    if (!this.rung) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, timeoutMs);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = undefined;
    }
    const rung = this.rung;
    this.rung = false;
    return rung;
  }
}
