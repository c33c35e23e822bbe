import { describe, expect, it } from 'vitest';
import { parseYaml, positionAt, YamlSyntaxError } from './yaml-source';

const source = `title: 关于印发实施方案的通知
issuers:
  - 淄博市人民政府办公室
  - 市大数据局
forwards:
  title: 工作方案
  issuers: [甲, 乙]
page: 9
`;

describe('parseYaml', () => {
  it('returns the value', () => {
    expect(parseYaml(source).value).toMatchObject({ page: 9, issuers: ['淄博市人民政府办公室', '市大数据局'] });
  });

  it('locates mapping keys, sequence items and nested fields', () => {
    const { locate } = parseYaml(source);
    expect(locate(['title'])).toEqual({ line: 1, column: 1 });
    expect(locate(['issuers', 1])).toEqual({ line: 4, column: 5 });
    expect(locate(['forwards', 'title'])).toEqual({ line: 6, column: 3 });
    expect(locate(['forwards', 'issuers', 1])).toEqual({ line: 7, column: 16 });
    expect(locate(['page'])).toEqual({ line: 8, column: 1 });
  });

  it('falls back to the nearest ancestor for missing fields', () => {
    const { locate } = parseYaml(source);
    expect(locate(['forwards', 'number'])).toEqual({ line: 5, column: 1 });
    expect(locate(['date'])).toEqual({ line: 1, column: 1 });
  });

  it('shifts lines for frontmatter', () => {
    expect(parseYaml(source, 1).locate(['page'])).toEqual({ line: 9, column: 1 });
  });

  it('reports syntax errors with a position', () => {
    try {
      parseYaml('title: a\nissuers: [x, y\npage: 1\n', 1);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(YamlSyntaxError);
      expect((error as YamlSyntaxError).position.line).toBeGreaterThanOrEqual(3);
    }
  });
});

describe('positionAt', () => {
  it('counts columns in characters, not bytes', () => {
    expect(positionAt('标题: 通知\n', 4)).toEqual({ line: 1, column: 5 });
  });
});
