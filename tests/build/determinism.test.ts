/**
 * The same content builds to the same bytes: a second build of the sample archive, into
 * another folder, is compared file by file with the one the other build tests inspect.
 */
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { astroBuild } from '../helpers/astro-build';
import { digests } from '../helpers/built-site';

describe('determinism', () => {
  it('builds the same content to the same bytes', async () => {
    const again = join(dirname(inject('outRoot')), 'again');
    rmSync(again, { recursive: true, force: true });
    const result = await astroBuild({ base: '/', outDir: again });
    expect(result.code, result.output).toBe(0);
    expect(digests(again)).toEqual(digests(inject('outRoot')));
  }, 180_000);
});
