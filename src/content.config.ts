import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import type { ArchiveGazette } from './content/archive';
import type { DocumentData, IssueData } from './site/site-model';
import { documentsLoader, gazetteLoader, issuesLoader } from './content/loader';

// The schema lives in src/content/schema.ts and is applied by the archive reader, which
// reports problems with file, line and field; the collections store what it validated, so
// their schemas only declare its type (z.custom checks nothing).
export const collections = {
  gazette: defineCollection({ loader: gazetteLoader(), schema: z.custom<Omit<ArchiveGazette, 'aboutOrigin'>>() }),
  issues: defineCollection({ loader: issuesLoader(), schema: z.custom<IssueData>() }),
  documents: defineCollection({ loader: documentsLoader(), schema: z.custom<DocumentData>() }),
};
