import { describe, expect, it } from 'vitest';
import { memoryBudget, runPool, serviceMemory, type PoolJob } from './pool';

/** Runs the jobs, each taking a tick per unit of memory; records what ran beside what. */
async function simulate(jobs: PoolJob<string>[], slots: number, budget: number) {
  let used = 0;
  let peak = 0;
  const order: string[] = [];
  const slotsSeen = new Set<number>();
  const busy = new Set<number>();
  const most = await runPool(jobs, { slots, budget }, async (item, slot) => {
    expect(busy.has(slot)).toBe(false);
    busy.add(slot);
    slotsSeen.add(slot);
    const memory = jobs.find((job) => job.item === item)!.memory;
    used += memory;
    peak = Math.max(peak, used);
    order.push(item);
    for (let i = 0; i < memory; i += 1) await Promise.resolve();
    used -= memory;
    busy.delete(slot);
  });
  return { most, peak, order, slots: [...slotsSeen].sort() };
}

describe('runPool', () => {
  it('runs up to one job per slot, largest first', async () => {
    const jobs = ['a', 'b', 'c', 'd'].map((item, i) => ({ item, memory: 10 + i }));
    const result = await simulate(jobs, 2, 1000);
    expect(result.most).toBe(2);
    expect(result.order).toEqual(['d', 'c', 'b', 'a']);
    expect(result.slots).toEqual([0, 1]);
  });

  it('keeps jobs that run together within the budget', async () => {
    const jobs = [
      { item: 'big', memory: 70 },
      { item: 'mid', memory: 40 },
      { item: 'small', memory: 20 },
      { item: 'tiny', memory: 10 },
    ];
    const result = await simulate(jobs, 4, 100);
    expect(result.peak).toBeLessThanOrEqual(100);
    expect(result.most).toBeGreaterThan(1);
  });

  it('runs a job larger than the budget alone', async () => {
    const result = await simulate(
      [
        { item: 'huge', memory: 500 },
        { item: 'small', memory: 10 },
      ],
      2,
      100,
    );
    expect(result.most).toBe(1);
    expect(result.order).toEqual(['huge', 'small']);
  });

  it('starts nothing after a failure and throws it once the running jobs have settled', async () => {
    const started: string[] = [];
    let finished = false;
    const run = runPool(
      ['a', 'b', 'c'].map((item, i) => ({ item, memory: 3 - i })),
      { slots: 2, budget: 100 },
      async (item) => {
        started.push(item);
        if (item === 'a') throw new Error('a broke');
        await new Promise((resolve) => setTimeout(resolve, 20));
        finished = true;
      },
    );
    await expect(run).rejects.toThrow('a broke');
    expect(started).toEqual(['a', 'b']);
    expect(finished).toBe(true);
  });

  it('refuses fewer than one slot', async () => {
    await expect(runPool([], { slots: 0, budget: 1 }, async () => {})).rejects.toThrow(/slots/);
  });
});

describe('memory', () => {
  it('grows with the HTML indexed', () => {
    expect(serviceMemory(2_000_000)).toBeGreaterThan(serviceMemory(1_000_000));
  });

  it('never budgets more than three quarters of the available memory', () => {
    expect(memoryBudget(8e9, 4e9)).toBe(3e9);
    expect(memoryBudget(2e9, 4e9)).toBe(2e9);
  });
});
