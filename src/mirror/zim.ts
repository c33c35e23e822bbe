/**
 * The archive as a ZIM file for Kiwix, made from the offline mirror with zimwriterfs
 * (Debian's zim-tools). The mirror's pages already have relative links naming their files,
 * which is what a ZIM needs; README.txt and SHA256SUMS describe the mirror folder and stay out.
 * zimwriterfs adds libzim's Xapian full-text index, which Kiwix searches with; the mirror's
 * own offline search page keeps working inside Kiwix too.
 *
 * Not byte-reproducible: zimwriterfs stamps the ZIM with the day it was made and a random UUID.
 */
import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** 48×48 PNG of the site's favicon, rendered once from public/favicon.svg with Chromium. */
export const ZIM_ILLUSTRATION = fileURLToPath(new URL('./zim-illustration.png', import.meta.url));
const ILLUSTRATION_NAME = '_zim/illustration-48x48.png';
const LEFT_OUT = new Set(['README.txt', 'SHA256SUMS']);

export interface ZimInfo {
  /** The gazette's folder name (zibo): the ZIM's name is `<id>_zh_all`. */
  gazetteId: string;
  gazetteName: string;
  publisher: string;
  /** Who made the ZIM (the gazette's 编辑出版 office). */
  editor: string;
  /** The published site, for the ZIM's Source. */
  siteUrl: string;
  issues: number;
  documents: number;
}

/** Kiwix shows at most 30 characters of a title and 80 of a description. */
function limit(text: string, length: number): string {
  const chars = Array.from(text);
  return chars.length <= length ? text : `${chars.slice(0, length - 1).join('')}…`;
}

/** zimwriterfs's arguments for a staged mirror folder. */
export function zimwriterfsArgs(info: ZimInfo, stagedDir: string, zimPath: string): string[] {
  return [
    '--welcome=index.html',
    `--illustration=${ILLUSTRATION_NAME}`,
    '--language=zho',
    `--title=${limit(info.gazetteName, 30)}`,
    `--description=${limit(`${info.gazetteName}离线版：${info.issues}期、${info.documents}篇文件全文，可检索`, 80)}`,
    `--creator=${info.publisher}`,
    `--publisher=${info.editor}`,
    `--name=${info.gazetteId}_zh_all`,
    '--tags=gazette;government;_category:other',
    `--source=${info.siteUrl}`,
    '--scraper=gazette-archive',
    stagedDir,
    zimPath,
  ];
}

function run(command: string, args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'ENOENT'
          ? new Error(`${command} is not installed: install Debian's zim-tools (apt-get install -y zim-tools)`)
          : error,
      ),
    );
    child.on('close', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`${command} exited with ${code}:\n${output.trim()}`)),
    );
  });
}

/** Writes `zimPath` from the mirror folder `mirrorDir`. Returns zimwriterfs's output. */
export async function buildZim(mirrorDir: string, zimPath: string, info: ZimInfo): Promise<string> {
  const staged = await mkdtemp(join(tmpdir(), 'gazette-zim-'));
  try {
    await cp(mirrorDir, staged, {
      recursive: true,
      filter: (source) => !LEFT_OUT.has(source.slice(mirrorDir.length + 1)),
    });
    const illustration = join(staged, ...ILLUSTRATION_NAME.split('/'));
    await mkdir(dirname(illustration), { recursive: true });
    await cp(ZIM_ILLUSTRATION, illustration);
    await rm(zimPath, { force: true });
    return await run('zimwriterfs', zimwriterfsArgs(info, staged, zimPath));
  } finally {
    await rm(staged, { recursive: true, force: true });
  }
}

/** Runs zimcheck's checks on a ZIM; resolves with its report, rejects with it if a check fails. */
export function checkZim(zimPath: string): Promise<string> {
  return run('zimcheck', ['--all', '--details', zimPath]);
}
