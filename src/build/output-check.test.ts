import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkOutputs, outputProblems } from './output-check';

const dir = mkdtempSync(join(tmpdir(), 'gazette-outputs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(files: Record<string, string>) {
  rmSync(dir, { recursive: true, force: true });
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return outputProblems(dir).map(
    ({ file, line, message }) => `${file.slice(dir.length + 1)}:${line}: ${message.split(':')[0]}`,
  );
}

describe('outputProblems', () => {
  it('accepts well-formed XML, JSON, JSON Lines and CSV, and ignores other files', () => {
    expect(
      write({
        'feed.xml': '<?xml version="1.0"?>\n<feed><title type="text">&lt;a&gt;</title></feed>',
        'data/a.json': '{"a": 1}\n',
        'data/d.jsonl': '{"a":1}\n{"b":2}\n',
        'data/c.csv': '\uFEFFa,b\r\n"x,1",2\r\n',
        'index.html': '<p>not checked',
      }),
    ).toEqual([]);
  });

  it('names every file that does not parse, with the line', () => {
    expect(
      write({
        'feed.xml': '<feed>\n<category term="<x>"/></feed>',
        'data/a.json': '{"a": 1',
        'data/d.jsonl': '{"a":1}\n{"b":\n',
        'data/c.csv': 'a,b\r\n1,2,3\r\n',
      }),
    ).toEqual([
      'data/a.json:1: invalid JSON',
      'data/c.csv:2: invalid CSV',
      'data/d.jsonl:2: invalid JSON',
      'feed.xml:2: invalid XML',
    ]);
  });

  it('reads JSON Lines a chunk at a time: lines across chunk ends, longer than a chunk, in any script', () => {
    // Lines of 700 kB of Chinese text (2.1 MB of UTF-8): longer than the 1 MB chunk, and
    // every chunk ends inside a line, most inside a character.
    const line = (n: number) => `${JSON.stringify({ n, text: '公报'.repeat(350_000) })}\n`;
    expect(write({ 'data/d.jsonl': line(1) + line(2) + line(3) })).toEqual([]);
    expect(write({ 'data/d.jsonl': `${line(1)}${line(2)}{"n":3,"text":"公报\n${line(4)}` })).toEqual([
      'data/d.jsonl:3: invalid JSON',
    ]);
    expect(write({ 'data/d.jsonl': `${line(1)}\n${line(2)}` })).toEqual(['data/d.jsonl:2: invalid JSON']);
    expect(write({ 'data/d.jsonl': line(1).trimEnd() })).toEqual([]);
  });

  it('does not read again a file unchanged since a check that passed, and reads a changed one', () => {
    write({ 'data/a.json': '{"a": 1}\n', 'data/b.json': '{"b": 2}\n' });
    // Whole seconds, which utimes sets exactly.
    const stamp = (name: string, seconds: number) => utimesSync(join(dir, name), seconds, seconds);
    stamp('data/a.json', 1_700_000_000);
    stamp('data/b.json', 1_700_000_000);
    const first = checkOutputs(dir);
    expect(first).toEqual({
      problems: [],
      checked: { 'data/a.json': [9, 1_700_000_000_000], 'data/b.json': [9, 1_700_000_000_000] },
    });
    // Same size and time: taken as the file that passed (proved here by a broken one that is not read).
    writeFileSync(join(dir, 'data/a.json'), '{"a": 1\n\n');
    stamp('data/a.json', 1_700_000_000);
    expect(checkOutputs(dir, first.checked).problems).toEqual([]);
    // Written again: read, whatever the record says.
    writeFileSync(join(dir, 'data/b.json'), '{"b": 2\n\n');
    stamp('data/b.json', 1_700_000_001);
    expect(checkOutputs(dir, first.checked).problems.map(({ file }) => file.slice(dir.length + 1))).toEqual([
      'data/b.json',
    ]);
    // Without a record every file is read.
    expect(outputProblems(dir).map(({ file }) => file.slice(dir.length + 1))).toEqual(['data/a.json', 'data/b.json']);
  });
});
