import { describe, expect, it } from 'vitest';
import { MAX_YAML_DEPTH, parseYaml, placeInText, positionAt, YamlSyntaxError } from './yaml-source';

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

describe('locateText and placeInText', () => {
  const place = (text: string, line: number, column: number) => {
    const parsed = parseYaml(text);
    return placeInText(parsed.locateText(['about']), line, column);
  };

  it("places a line and column of a literal block's text at its line and column in the file", () => {
    const text = 'name: 公报\nabout: |\n  第一行\n\n  第三行 <b>\nphone: 1\n';
    expect(parseYaml(text).locateText(['about'])).toEqual({ key: { line: 2, column: 1 }, block: { line: 3, indent: 2 } });
    // <b> is the 5th character of the text's 3rd line: file line 5, after the two spaces.
    expect(place(text, 3, 5)).toEqual({ line: 5, column: 7 });
    expect(place(text, 1, 1)).toEqual({ line: 3, column: 3 });
  });

  it('keeps an explicit indentation indicator and the frontmatter shift', () => {
    const text = 'about: |2-\n    缩进\n';
    expect(parseYaml(text).value).toEqual({ about: '  缩进' });
    expect(place(text, 1, 3)).toEqual({ line: 2, column: 5 });
    expect(placeInText(parseYaml(text, 3).locateText(['about']), 1, 1)).toEqual({ line: 5, column: 3 });
  });

  it('has only the key for text not written line for line', () => {
    for (const text of ['about: "甲\\n乙"\n', "about: '甲'\n", 'about: 甲\n  乙\n', 'about: >\n  甲\n  乙\n']) {
      expect(parseYaml(text).locateText(['about']), text).toEqual({ key: { line: 1, column: 1 } });
      expect(place(text, 1, 1), text).toBeNull();
    }
  });
});

describe('parseYaml limits', () => {
  const reason = (text: string) => {
    try {
      parseYaml(text);
    } catch (error) {
      return error as YamlSyntaxError;
    }
    throw new Error('parsed');
  };

  it('refuses aliases, so that an alias bomb cannot expand', () => {
    const levels = 'abcdefghi'.split('');
    const bomb = levels
      .map((name, index) => `${name}: &${name} [${Array(9).fill(index === 0 ? '"lol"' : `*${levels[index - 1]}`).join(',')}]`)
      .join('\n');
    expect(reason(bomb)).toMatchObject({ reason: /aliases \(\*name\) are not allowed/, position: { line: 2 } });
  });

  it('refuses nesting deeper than MAX_YAML_DEPTH', () => {
    const deep = `a: ${'['.repeat(MAX_YAML_DEPTH + 1)}${']'.repeat(MAX_YAML_DEPTH + 1)}`;
    expect(reason(deep).reason).toMatch(/nested more than 16 levels/);
    expect(parseYaml(`a: ${'['.repeat(MAX_YAML_DEPTH - 1)}${']'.repeat(MAX_YAML_DEPTH - 1)}`).value).toBeTruthy();
  });
});

describe('positionAt', () => {
  it('counts columns in characters, not bytes', () => {
    expect(positionAt('标题: 通知\n', 4)).toEqual({ line: 1, column: 5 });
  });
});
