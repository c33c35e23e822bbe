/**
 * Every setting of a gazette site, in one zod schema composed of one schema per area, each field
 * with its documentation and default (modelled on Starlight's `schemas/*.ts` and
 * `utils/user-config.ts`). `gazette(options)` (src/integration.ts) parses it once, with the
 * environment mapped onto it (./env.ts), and hands the result on; nothing else reads settings.
 */
import { z } from 'zod';
import { BuildConfigSchema } from './build';
import { ContentConfigSchema } from './content';
import { MirrorConfigSchema } from './mirror';
import { SearchConfigSchema } from './search';
import { SiteConfigSchema } from './site';

export const GazetteConfigSchema = z
  .strictObject({
    site: SiteConfigSchema,
    content: ContentConfigSchema,
    build: BuildConfigSchema,
    search: SearchConfigSchema,
    mirror: MirrorConfigSchema,
  })
  .prefault({});

/** What `gazette(options)` accepts: every area and field optional. */
export type GazetteUserConfig = z.input<typeof GazetteConfigSchema>;

/** The parsed settings, with defaults; paths still as given. */
export type ParsedGazetteConfig = z.output<typeof GazetteConfigSchema>;
