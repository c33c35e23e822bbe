/**
 * A copy of the sample archive with every payload of tests/helpers/payloads.ts in it: in every
 * document body, in gazette.yaml's `about` (rendered with the same processor), and in a title.
 * Made by the tests that need it, never committed.
 */
import { cpSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './astro-build';
import { EVIL_HOST, PAYLOADS } from './payloads';

export const PAYLOAD_TITLE = `关于<script>alert("title")</script><img src="x" onerror="alert('title')">的通知`;

export interface PayloadSite {
  /** The content folder to build (contains zibo/). */
  contentDir: string;
  /** `zibo/2020/07/<file>.md` → file line and column where its first payload starts. */
  firstPayload: Map<string, { line: number; column: number }>;
  /** `zibo/gazette.yaml` line and column where the payloads in `about` start (when written). */
  aboutPayload?: { line: number; column: number };
}

export interface PayloadSiteOptions {
  bodies?: boolean;
  about?: boolean;
  title?: boolean;
}

const ALL_PAYLOADS = PAYLOADS.map((payload) => payload.markdown).join('\n\n');

/** Writes the payload archive into `dir`/content (replacing what was there). */
export function writePayloadSite(
  dir: string,
  { bodies = true, about = true, title = true }: PayloadSiteOptions = {},
): PayloadSite {
  const contentDir = join(dir, 'content');
  rmSync(contentDir, { recursive: true, force: true });
  cpSync(join(REPO_ROOT, 'content'), contentDir, { recursive: true });
  const issueDir = join(contentDir, 'zibo/2020/07');
  const firstPayload = new Map<string, { line: number; column: number }>();
  const documents = readdirSync(issueDir)
    .filter((name) => name.endsWith('.md'))
    .sort();
  for (const [index, name] of documents.entries()) {
    const file = join(issueDir, name);
    let text = readFileSync(file, 'utf8');
    if (title && index === 0) text = text.replace(/^title: .*$/mu, `title: '${PAYLOAD_TITLE.replace(/'/gu, "''")}'`);
    if (bodies) {
      const body = `${text.replace(/\n*$/u, '')}\n\n`;
      firstPayload.set(`zibo/2020/07/${name}`, { line: body.split('\n').length, column: 1 });
      text = `${body}${ALL_PAYLOADS}\n`;
    }
    writeFileSync(file, text);
  }
  if (about) {
    const gazetteFile = join(contentDir, 'zibo/gazette.yaml');
    const yaml = readFileSync(gazetteFile, 'utf8');
    const indented = `${ALL_PAYLOADS}\n\n<meta http-equiv="refresh" content="0; url=https://${EVIL_HOST}/about">`
      .split('\n')
      .map((line) => (line ? `  ${line}` : ''))
      .join('\n');
    // `about: |` is a block scalar: the payloads go at its end, indented like its text.
    const [head, rest] = yaml.split(/^about: \|\n/mu);
    if (rest === undefined) throw new Error('payload site: gazette.yaml has no `about: |` block');
    const end = rest.search(/^\S/mu);
    const aboutText = end === -1 ? rest : rest.slice(0, end);
    const after = end === -1 ? '' : rest.slice(end);
    const before = `${head}about: |\n${aboutText.replace(/\n*$/u, '')}\n\n`;
    writeFileSync(gazetteFile, `${before}${indented}\n${after}`);
    return { contentDir, firstPayload, aboutPayload: { line: before.split('\n').length, column: 3 } };
  }
  return { contentDir, firstPayload };
}
