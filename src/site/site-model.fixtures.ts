/**
 * Records for unit tests of the site model and what is built on it: a gazette, and documents
 * and issues with every required field filled in from their ids ("2020/07/a"), so that a test
 * names only the fields it is about.
 */
import type { ArchiveGazette } from '../content/archive';
import type { DocumentData, IssueData } from './site-model';

export const testGazette = {
  id: 'test',
  name: '测试公报',
  publisher: '测试市人民政府',
  editor: '办公室',
  file: 'g',
} as ArchiveGazette;

export function testDocument(id: string, fields: Partial<DocumentData> = {}): DocumentData {
  const [year, issue, slug] = id.split('/');
  return {
    id,
    slug,
    file: `content/test/${id}.md`,
    bodyLine: 10,
    title: `关于${slug}的通知`,
    issuers: ['测试市人民政府办公室'],
    date: `${year}-05-01`,
    recipients: [],
    section: '文件',
    page: 1,
    type: '通知',
    repeals: [],
    amends: [],
    basis: [],
    year: Number(year),
    issueNumber: Number(issue),
    issueId: `${year}/${issue}`,
    tocIndex: 0,
    ...fields,
  };
}

export function testIssue(id: string, documentIds: string[], fields: Partial<IssueData> = {}): IssueData {
  const [year, number] = id.split('/').map(Number);
  return {
    id,
    file: `content/test/${id}/issue.yaml`,
    year,
    number,
    sections: ['文件', '附录'],
    documentIds,
    ...fields,
  };
}
