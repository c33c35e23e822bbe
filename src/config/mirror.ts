/** The offline mirror (npm run mirror, npm run zim). */
import { z } from 'zod';

export const MirrorConfigSchema = z
  .strictObject({
    /**
     * Where the mirror and its zip go, relative to the project root (`--out` wins).
     * @default './mirror'
     */
    dir: z.string().min(1).default('./mirror'),
  })
  .prefault({});
