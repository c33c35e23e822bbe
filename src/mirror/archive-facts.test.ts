import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readArchive } from '../content/archive';
import { archiveFacts } from './archive-facts';

const { archive } = readArchive(join(import.meta.dirname, '../../content'));

describe('archiveFacts', () => {
  it('gives the sample archive’s date, name, README facts and counts', () => {
    const facts = archiveFacts(archive!, undefined, 'https://gazette.example.org/');
    expect(facts.date).toBe('2020-06-03');
    expect(facts.name).toBe('zibo-mirror-2020-06-03');
    expect(facts.gazette.name).toBe('淄博市人民政府公报');
    expect([facts.issues, facts.documents]).toEqual([archive!.issues.length, archive!.documents.length]);
    expect(facts.readme).toMatchObject({
      date: '2020-06-03',
      dateSource: 'newest-document',
      siteUrl: 'https://gazette.example.org/',
    });
  });

  it('takes the build date (GAZETTE_BUILD_DATE) when one is given', () => {
    const facts = archiveFacts(archive!, '2021-01-01', 'https://gazette.example.org/');
    expect([facts.date, facts.name, facts.readme.dateSource]).toEqual([
      '2021-01-01',
      'zibo-mirror-2021-01-01',
      'build-date',
    ]);
  });
});
