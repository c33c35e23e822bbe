import { defineCollection } from 'astro:content';
import { documentsLoader, gazetteLoader, issuesLoader } from './loaders/archive-loader';

// The schema lives in src/schemas/content.ts and is applied by the archive reader, which
// reports problems with file, line and field; the collections store what it validated.
export const collections = {
  gazette: defineCollection({ loader: gazetteLoader() }),
  issues: defineCollection({ loader: issuesLoader() }),
  documents: defineCollection({ loader: documentsLoader() }),
};
