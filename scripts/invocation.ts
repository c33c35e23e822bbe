/**
 * Where the command-line tools look. `npm run` moves to the project root before running a
 * script and leaves the editor's folder in INIT_CWD: paths the editor typed are relative to
 * that (`cd content/zibo/2020 && npm run check -- 07`), the configured content folder
 * (GAZETTE_CONTENT_DIR, default content/) to the project root, as for the build.
 */
import { resolve } from 'node:path';
import { siteSettings } from '../src/site-settings';

export function invocationDir(): string {
  return process.env.INIT_CWD || process.cwd();
}

/** The content folder: `--content` as typed, else the build's. */
export function contentDir(typed: string | undefined): string {
  return typed === undefined ? resolve(siteSettings(process.env).contentDir) : resolve(invocationDir(), typed);
}
