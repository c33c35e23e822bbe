import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import type { ArchiveGazette } from './lib/content/archive';
import type { DocumentData, IssueData } from './lib/site-model';
import { documentsLoader, gazetteLoader, issuesLoader } from './loaders/archive-loader';

// The schema lives in src/schemas/content.ts and is applied by the archive reader, which
// reports problems with file, line and field; the collections store what it validated, so
// their schemas only declare its type (z.custom checks nothing).
export const collections = {
  gazette: defineCollection({ loader: gazetteLoader(), schema: z.custom<Omit<ArchiveGazette, 'aboutOrigin'>>() }),
  issues: defineCollection({ loader: issuesLoader(), schema: z.custom<IssueData>() }),
  documents: defineCollection({ loader: documentsLoader(), schema: z.custom<DocumentData>() }),
};
