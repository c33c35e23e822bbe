/**
 * The README's configuration table (section "Configuration") lists every setting, with its
 * variable, option and default, as the schema and the environment mapping have them.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ENVIRONMENT } from './env';
import { GazetteConfigSchema } from './schema';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const section = readme.slice(readme.indexOf('### Configuration'));
const lines = section.slice(section.indexOf('| variable | option |')).split('\n').slice(2);
const rows = lines
  .slice(
    0,
    lines.findIndex((line) => !line.startsWith('|')),
  )
  .map((line) => line.slice(2, -2).split(' | '));

/** Defaults computed when a build starts, described in words in the README. */
const COMPUTED = new Set(['build.buildDate']);

describe('README, Configuration', () => {
  it('lists every variable once, in the mapping order, with its option', () => {
    expect(rows.map(([variable, option]) => [variable, option])).toEqual(
      ENVIRONMENT.map(({ name, area, field }) => [`\`${name}\``, `\`${area}.${field}\``]),
    );
  });

  it("gives each setting's default as the schema has it", () => {
    const defaults = GazetteConfigSchema.parse({}) as Record<string, Record<string, unknown>>;
    for (const [row, { area, field }] of rows.map((row, index) => [row, ENVIRONMENT[index]!] as const)) {
      const value = defaults[area]![field];
      const cell = row[3];
      if (COMPUTED.has(`${area}.${field}`) || value === undefined) {
        // Words, not a value: the default depends on something else (the day, another setting, gazette.yaml).
        expect(cell, `${area}.${field}`).not.toMatch(/^`[^`]*`$/u);
      } else {
        expect(cell, `${area}.${field}`).toBe(`\`${String(value)}\``);
      }
    }
  });
});
