import { describe, expect, it } from 'vitest';
import { decodeContentFile, MAX_CONTENT_FILE_BYTES, splitFrontmatter } from './source-text';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('decodeContentFile', () => {
  it('accepts UTF-8 with LF', () => {
    expect(decodeContentFile(utf8('标题\n正文\n'))).toEqual({ ok: true, text: '标题\n正文\n' });
  });

  it('rejects an empty or blank file', () => {
    expect(decodeContentFile(new Uint8Array())).toMatchObject({ ok: false, message: 'the file is empty' });
    expect(decodeContentFile(utf8(' \n\n'))).toMatchObject({ ok: false, message: /only white space/ });
  });

  it('rejects a BOM', () => {
    expect(decodeContentFile(utf8('\ufeff---\n'))).toMatchObject({ ok: false, line: 1, message: /BOM/ });
  });

  it('rejects CRLF and says where', () => {
    expect(decodeContentFile(utf8('a\nb\r\nc'))).toMatchObject({ ok: false, line: 2, column: 2, message: /CRLF/ });
  });

  it('rejects GBK bytes and points at the first bad one', () => {
    const gbk = new Uint8Array([...utf8('第一行\n正文'), 0xd5, 0xfe, 0xb8, 0xae]);
    expect(decodeContentFile(gbk)).toMatchObject({ ok: false, line: 2, column: 3, message: /not valid UTF-8/ });
  });

  it('rejects control characters, naming the code point and where it is', () => {
    expect(decodeContentFile(utf8('标题\n正文\u0000后'))).toMatchObject({ ok: false, line: 2, column: 3, message: /U\+0000/ });
    expect(decodeContentFile(utf8('a\u001bb'))).toMatchObject({ ok: false, line: 1, column: 2, message: /U\+001B/ });
    expect(decodeContentFile(utf8('a\u0085b'))).toMatchObject({ ok: false, message: /U\+0085/ });
    expect(decodeContentFile(utf8('a\uffffb'))).toMatchObject({ ok: false, message: /U\+FFFF/ });
    expect(decodeContentFile(utf8('\t缩进\n'))).toEqual({ ok: true, text: '\t缩进\n' });
  });

  it('rejects huge files', () => {
    expect(decodeContentFile(new Uint8Array(MAX_CONTENT_FILE_BYTES + 1).fill(0x41))).toMatchObject({
      ok: false,
      message: /more than the/,
    });
  });
});

describe('splitFrontmatter', () => {
  it('splits YAML from the body and reports where the body starts', () => {
    const parts = splitFrontmatter('---\ntitle: 通知\npage: 1\n---\n\n正文第一段\n');
    expect(parts).toEqual({ yaml: 'title: 通知\npage: 1\n', yamlLineOffset: 1, body: '\n正文第一段\n', bodyLine: 5 });
  });

  it('returns null without frontmatter', () => {
    expect(splitFrontmatter('正文\n')).toBeNull();
    expect(splitFrontmatter('---\ntitle: x\n')).toBeNull();
  });
});
