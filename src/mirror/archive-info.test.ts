import { describe, expect, it } from 'vitest';
import type { Archive } from '../content/archive';
import { mirrorName, publishedUrl, readmeInfo, resolveMirrorDate } from './archive-info';

const archive = {
  gazette: { id: 'zibo', name: '淄博市人民政府公报', publisher: '淄博市人民政府' },
  issues: [{ year: 2019 }, { year: 2020 }],
  documents: [{ date: '2020-05-24' }, { date: '2020-06-03', number: '淄政办字〔2020〕58号' }, { date: '2019-12-01' }],
} as unknown as Archive;

describe('resolveMirrorDate', () => {
  it('dates the mirror by its newest document, never by the clock', () => {
    expect(resolveMirrorDate({}, archive)).toEqual({ date: '2020-06-03', source: 'newest-document' });
  });

  it('takes GAZETTE_BUILD_DATE when set, and names the variable when it is malformed', () => {
    expect(resolveMirrorDate({ GAZETTE_BUILD_DATE: ' 2021-01-01 ' }, archive)).toEqual({
      date: '2021-01-01',
      source: 'build-date',
    });
    expect(() => resolveMirrorDate({ GAZETTE_BUILD_DATE: '2021-02-30' }, archive)).toThrow(
      /GAZETTE_BUILD_DATE.*YYYY-MM-DD/u,
    );
  });

  it('asks for a date when the archive has no documents', () => {
    expect(() => resolveMirrorDate({}, { documents: [] })).toThrow(/no documents.*GAZETTE_BUILD_DATE/u);
  });
});

describe('names and facts', () => {
  it('names the mirror after the gazette folder and the date', () => {
    expect(mirrorName(archive, '2020-06-03')).toBe('zibo-mirror-2020-06-03');
    expect(publishedUrl('https://gazette.example.org', '/gazette/')).toBe('https://gazette.example.org/gazette/');
  });

  it('collects what README.txt states', () => {
    expect(
      readmeInfo(archive, { date: '2020-06-03', source: 'newest-document', siteUrl: 'https://gazette.example.org/' }),
    ).toEqual({
      gazetteName: '淄博市人民政府公报',
      publisher: '淄博市人民政府',
      date: '2020-06-03',
      dateSource: 'newest-document',
      issues: 2,
      documents: 3,
      years: [2019, 2020],
      siteUrl: 'https://gazette.example.org/',
      exampleNumber: '淄政办字〔2020〕58号',
    });
  });
});
