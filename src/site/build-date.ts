/**
 * The build date that document statuses (已失效) are computed for: fixed once per build, so all
 * pages and data files of one build agree (`build.buildDate`, GAZETTE_BUILD_DATE, src/config/build.ts).
 */
import gazetteConfig from 'virtual:gazette/config';

export const BUILD_DATE = gazetteConfig.buildDate;
