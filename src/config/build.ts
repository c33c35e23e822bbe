/** Where a build writes, what it caches, and the date it is made as of. */
import { z } from 'zod';
import { parseIsoDate } from '../domain/dates';
import { shanghaiDate } from '../domain/relations';

export const BuildConfigSchema = z
  .strictObject({
    /**
     * Where the build writes the site, relative to the project root.
     * @default './dist'
     */
    outDir: z.string().min(1).default('./dist'),
    /**
     * Astro's cache, with the content layer's data store and the rendered bodies, and check's
     * Markdown verdicts. Builds running at the same time need their own.
     * @default './node_modules/.astro'
     */
    cacheDir: z.string().min(1).default('./node_modules/.astro'),
    /**
     * The date document statuses (已失效) are computed for, YYYY-MM-DD: fixed once per build,
     * so that all pages and data files of one build agree. Set it to reproduce a build.
     * @default today in Asia/Shanghai
     */
    buildDate: z
      .string()
      .trim()
      .refine((value) => parseIsoDate(value) !== null, 'is not a date written YYYY-MM-DD')
      .default(() => shanghaiDate(new Date())),
    /**
     * A file the search step appends one JSON line of timings to (the benchmark reads it).
     * @default undefined (no log)
     */
    timingLog: z.string().min(1).optional(),
  })
  .prefault({});
