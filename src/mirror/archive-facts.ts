/**
 * What the mirror command needs to know of the archive (its date, name, README facts and the
 * ZIM's metadata), read and checked in a child process of its own. Reading the archive holds
 * every document in memory, and a Node process keeps the memory it once used: in the mirror
 * command's own process it would sit beside the site build for the whole build, and count
 * against the mirror's peak.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { readArchive, type Archive } from '../content/archive';
import { ContentError, type ContentProblem } from '../content/errors';
import { mirrorName, readmeInfo, resolveMirrorDate } from './archive-info';
import type { MirrorReadmeInfo } from './readme';

export interface ArchiveFacts {
  /** The mirror's date, and where it came from (GAZETTE_BUILD_DATE or the newest document). */
  date: string;
  /** `<gazette>-mirror-<date>`: the folder and zip name. */
  name: string;
  readme: MirrorReadmeInfo;
  gazette: Archive['gazette'];
  issues: number;
  documents: number;
}

/** The facts of a read archive; the date is `buildDate` (GAZETTE_BUILD_DATE) when given. */
export function archiveFacts(archive: Archive, buildDate: string | undefined, siteUrl: string): ArchiveFacts {
  const { date, source } = resolveMirrorDate({ GAZETTE_BUILD_DATE: buildDate }, archive);
  return {
    date,
    name: mirrorName(archive, date),
    readme: readmeInfo(archive, { date, source, siteUrl }),
    gazette: archive.gazette,
    issues: archive.issues.length,
    documents: archive.documents.length,
  };
}

type ChildAnswer = { facts: ArchiveFacts } | { problems: ContentProblem[] } | { error: string };
interface ChildQuestion {
  contentDir: string;
  buildDate: string | undefined;
  siteUrl: string;
}

const CHILD = '--gazette-archive-facts';

/**
 * Reads and checks the archive in `contentDir` in a child process and returns its facts;
 * throws the archive reader's located problems (ContentError) if it is broken.
 */
export function readArchiveFacts(
  contentDir: string,
  buildDate: string | undefined,
  siteUrl: string,
): Promise<ArchiveFacts> {
  const question: ChildQuestion = { contentDir, buildDate, siteUrl };
  return new Promise((resolve, reject) => {
    // The same Node flags (a TypeScript loader) run this module in the child.
    const child = fork(fileURLToPath(import.meta.url), [CHILD, JSON.stringify(question)], { stdio: 'inherit' });
    let answer: ChildAnswer | undefined;
    child.on('message', (message) => (answer = message as ChildAnswer));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (answer && 'facts' in answer) resolve(answer.facts);
      else if (answer && 'problems' in answer) reject(new ContentError(answer.problems));
      else reject(new Error(answer?.error ?? `reading the archive stopped (exit ${code})`));
    });
  });
}

/** The child's side: reads the archive named on its command line and answers its parent. */
function answerParent(): void {
  let answer: ChildAnswer;
  try {
    const { contentDir, buildDate, siteUrl } = JSON.parse(process.argv[3]!) as ChildQuestion;
    const { archive, problems } = readArchive(contentDir);
    answer = archive ? { facts: archiveFacts(archive, buildDate, siteUrl) } : { problems };
  } catch (error) {
    answer = { error: error instanceof Error ? error.message : String(error) };
  }
  process.send?.(answer, undefined, undefined, () => process.disconnect?.());
}

if (process.argv[2] === CHILD && process.send) answerParent();
