import type { Checkpoint } from './checkpoint';
import { writeAtOnce } from './checkpoint';

const pause = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/**
 * A checkpoint as the scaffolder's behaves (NunjucksWorkflowRunner): a stored
 * result skips `fn`; else `fn` runs and its result is saved, which takes a
 * while (a database UPDATE). It notes when saves overlap.
 */
function scaffolderLikeCheckpoint(stored = new Map<string, unknown>()) {
  const events: string[] = [];
  let saving = 0;
  let mostSavesAtOnce = 0;
  const checkpoint: Checkpoint = async (key, fn) => {
    if (stored.has(key)) {
      return stored.get(key) as any;
    }
    let value;
    try {
      value = await fn();
    } catch (error) {
      events.push(`save ${key} failed`);
      throw error;
    }
    saving++;
    mostSavesAtOnce = Math.max(mostSavesAtOnce, saving);
    await pause(5);
    stored.set(key, value);
    events.push(`save ${key}`);
    saving--;
    return value;
  };
  return { checkpoint, events, stored, mostSaves: () => mostSavesAtOnce };
}

const writes = ['a', 'b', 'c'].map((key, change) => ({
  change,
  checkpointKey: key,
}));

describe('writeAtOnce', () => {
  it('sends every write at once, and records their results one at a time in plan order', async () => {
    const { checkpoint, events, mostSaves } = scaffolderLikeCheckpoint();
    // The last write answers first.
    const { written, failure } = await writeAtOnce(
      writes,
      checkpoint,
      async ({ checkpointKey, change }) => {
        events.push(`send ${checkpointKey}`);
        await pause((writes.length - change) * 10);
        return `${checkpointKey} created`;
      },
    );

    expect(failure).toBeUndefined();
    expect(written).toEqual(
      new Map([
        [0, 'a created'],
        [1, 'b created'],
        [2, 'c created'],
      ]),
    );
    expect(events).toEqual([
      'send a',
      'send b',
      'send c',
      'save a',
      'save b',
      'save c',
    ]);
    expect(mostSaves()).toBe(1);
  });

  it('waits for every write when one fails, and gives the first failure in plan order', async () => {
    const { checkpoint, stored } = scaffolderLikeCheckpoint();
    const { written, failure } = await writeAtOnce(
      writes,
      checkpoint,
      async ({ checkpointKey }) => {
        if (checkpointKey !== 'a') {
          // c fails first in time; b comes first in the plan.
          await pause(checkpointKey === 'b' ? 20 : 1);
          throw new Error(`${checkpointKey} refused`);
        }
        await pause(30);
        return 'created';
      },
    );

    expect((failure as Error).message).toBe('b refused');
    expect(written).toEqual(new Map([[0, 'created']]));
    expect([...stored.keys()]).toEqual(['a']);
  });

  it('makes only the writes a retried task has no result for', async () => {
    const { checkpoint } = scaffolderLikeCheckpoint(
      new Map([['b', 'created earlier']]),
    );
    const sent: string[] = [];
    const { written } = await writeAtOnce(
      writes,
      checkpoint,
      async ({ checkpointKey }) => {
        sent.push(checkpointKey);
        return 'created';
      },
    );

    expect(sent).toEqual(['a', 'c']);
    expect([...written.values()]).toEqual([
      'created',
      'created earlier',
      'created',
    ]);
  });
});
