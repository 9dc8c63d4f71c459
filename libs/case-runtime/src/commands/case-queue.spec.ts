import { CaseQueue } from './case-queue';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('commands on one case, one at a time', () => {
  it('given commands on one case, then each starts after the one before has finished, in the order they came', async () => {
    const queue = new CaseQueue();
    const log: string[] = [];
    const work = (name: string) => async () => {
      log.push(`${name} starts`);
      await tick();
      await tick();
      log.push(`${name} ends`);
      return name;
    };
    const results = await Promise.all(['a', 'b', 'c'].map((name) => queue.run('case-1', work(name))));
    expect(results).toEqual(['a', 'b', 'c']);
    expect(log).toEqual(['a starts', 'a ends', 'b starts', 'b ends', 'c starts', 'c ends']);
    expect(queue.busy).toBe(0);
  });

  it('given commands on other cases, then they run side by side', async () => {
    const queue = new CaseQueue();
    const log: string[] = [];
    const work = (name: string) => async () => {
      log.push(`${name} starts`);
      await tick();
      log.push(`${name} ends`);
    };
    await Promise.all([queue.run('case-1', work('a')), queue.run('case-2', work('b'))]);
    expect(log.slice(0, 2)).toEqual(['a starts', 'b starts']);
  });

  it('given a command that fails, then the next on the case still runs and the failure reaches its caller only', async () => {
    const queue = new CaseQueue();
    const failing = queue.run('case-1', async () => {
      await tick();
      throw new Error('store down');
    });
    const next = queue.run('case-1', async () => 'ran');
    await expect(failing).rejects.toThrow('store down');
    await expect(next).resolves.toBe('ran');
    expect(queue.busy).toBe(0);
  });
});
