/**
 * Wraps an async task so that bursts of calls cost at most two runs: a call while the task is
 * running schedules exactly one more run after it, so the last call always sees a run that
 * started after it. Errors are the task's own business (it should report them itself).
 */
export function coalesce(task: () => Promise<unknown>): () => void {
  let running = false;
  let again = false;
  const run = (): void => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    void task()
      .catch(() => undefined)
      .finally(() => {
        running = false;
        if (again) {
          again = false;
          run();
        }
      });
  };
  return run;
}
