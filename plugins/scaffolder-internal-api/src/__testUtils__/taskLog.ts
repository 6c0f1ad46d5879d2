/**
 * The longest line our actions log, in characters. The task page's log viewer
 * does not wrap: in a 1280 px wide window it shows about 125 characters, of
 * which the timestamp and the level take 31 (e2e/src/taskPage.e2e.test.ts
 * checks that no line of ours is cut there).
 */
export const TASK_LOG_WIDTH = 94;

/** The lines longer than the task page shows; expect none. */
export const linesTooLong = (lines: string[]) =>
  lines.filter(line => line.length > TASK_LOG_WIDTH);
