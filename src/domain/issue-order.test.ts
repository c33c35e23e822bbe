import { describe, expect, it } from 'vitest';
import { compareIssues } from './issue-order';

describe('compareIssues', () => {
  it('orders issues oldest first: by year, then by number within the year', () => {
    const issues = [
      { year: 2020, number: 12 },
      { year: 2019, number: 24 },
      { year: 2020, number: 2 },
    ];
    expect([...issues].sort(compareIssues)).toEqual([
      { year: 2019, number: 24 },
      { year: 2020, number: 2 },
      { year: 2020, number: 12 },
    ]);
  });
});
