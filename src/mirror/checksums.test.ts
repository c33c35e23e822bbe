import { describe, expect, it } from 'vitest';
import { sha256Hex, sha256sums } from './checksums';

const enc = new TextEncoder();

describe('sha256sums', () => {
  it('writes sha256sum lines in path order', () => {
    const text = sha256sums([
      { path: 'b.txt', data: enc.encode('b') },
      { path: 'n/淄政办字-2020-56/index.html', data: enc.encode('') },
      { path: 'a.txt', data: enc.encode('abc') },
    ]);
    expect(text).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  a.txt\n' +
        '3e23e8160039594a33894f6564e1b1348bbd7a0088d42c4acb73eeaed59c009d  b.txt\n' +
        'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855  n/淄政办字-2020-56/index.html\n',
    );
  });

  it('escapes backslashes and line breaks in names the way sha256sum does', () => {
    const digest = sha256Hex(enc.encode(''));
    expect(sha256sums([{ path: 'a\\b\nc', data: enc.encode('') }])).toBe(`\\${digest}  a\\\\b\\nc\n`);
  });

  it('takes a digest in place of the data, for files already written', () => {
    const files = [
      { path: 'b.txt', data: enc.encode('b') },
      { path: 'a.txt', data: enc.encode('abc') },
    ];
    expect(sha256sums(files.map(({ path, data }) => ({ path, sha256: sha256Hex(data) })))).toBe(sha256sums(files));
  });
});
