/**
 * An issue's printed PDF, when issue.yaml names a file in the issue folder (`pdf: 2020-07.pdf`):
 * served beside the issue page, where its link points (the offline mirror takes it from here
 * too). The archive reader has already refused links that leave the content folder and
 * anything but a regular file.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteModel } from '../../../site/page-data';
import gazetteConfig from 'virtual:gazette/config';

export const getStaticPaths = (async () => {
  const { issues } = await getSiteModel();
  return issues
    .filter((issue) => issue.pdf && !/^https?:/.test(issue.pdf))
    .map((issue) => {
      const [year, folder] = issue.id.split('/');
      return {
        params: { year, issue: folder, pdf: issue.pdf!.replace(/\.pdf$/i, '') },
        props: { file: issue.file, pdf: issue.pdf! },
      };
    });
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { file, pdf } = props as { file: string; pdf: string };
  // Archive paths start at the content folder's parent (src/content/loader.ts).
  const contentParent = dirname(gazetteConfig.content.dir);
  const bytes = await readFile(join(contentParent, dirname(file), pdf));
  return new Response(bytes, { headers: { 'Content-Type': 'application/pdf' } });
};
