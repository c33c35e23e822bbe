/** The content tree the site is built from, and where its files can be edited. */
import { z } from 'zod';

export const ContentConfigSchema = z
  .strictObject({
    /**
     * The content folder (one folder per gazette, see README "Content model"), relative to the
     * project root.
     * @default './content'
     */
    dir: z.string().min(1).default('./content'),
    /**
     * The repository whose "edit this file" links document pages show
     * (`<repository>/edit/<branch>/<path>`). Unset: `repository` in gazette.yaml, if any.
     * @default undefined
     */
    repository: z.url({ error: 'must be an absolute address, like https://github.com/owner/repo' }).optional(),
    /**
     * The branch those links edit.
     * @default 'main'
     */
    repositoryBranch: z.string().min(1).default('main'),
  })
  .prefault({});
