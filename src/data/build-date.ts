/**
 * The build date that document statuses (已失效) are computed for: fixed once per build, so all
 * pages and data files of one build agree. Set GAZETTE_BUILD_DATE=YYYY-MM-DD to reproduce a build.
 */
import { resolveBuildDate } from '../lib/relations';

export const BUILD_DATE = resolveBuildDate(process.env);
