/**
 * The editors' command-line tools as editors run them (npm run check, npm run new), and the
 * CI workflow file that runs them on a git host.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/astro-build';
import { npmRun } from '../helpers/cli';

const work = mkdtempSync(join(tmpdir(), 'gazette-tools-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const SUMMARY = /^(\d+) files? checked, (\d+) errors?, (\d+) warnings? \(\d+\.\d\d s\)$/m;

describe('npm run check', () => {
  it('passes the sample archive', () => {
    const result = npmRun('check', []);
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toMatch(SUMMARY);
    expect(SUMMARY.exec(result.stdout)!.slice(1)).toEqual(['7', '0', '0']);
  });

  it('reports on a path only, and refuses a path outside the content folder', () => {
    expect(SUMMARY.exec(npmRun('check', ['content/zibo/2020/07/zzbz-2020-54.md']).stdout)!.slice(1)).toEqual([
      '1',
      '0',
      '0',
    ]);
    const outside = npmRun('check', ['src']);
    expect(outside.code).toBe(2);
    expect(outside.stderr).toContain(`src is not inside the content folder ${join(REPO_ROOT, 'content')}`);
  });

  it('takes paths relative to the folder it is run in', () => {
    const result = npmRun('check', ['07/zzbz-2020-54.md'], { cwd: join(REPO_ROOT, 'content/zibo/2020') });
    expect(result.code).toBe(0);
    expect(SUMMARY.exec(result.stdout)!.slice(1)).toEqual(['1', '0', '0']);
  });

  it('explains its usage on an unknown option', () => {
    const result = npmRun('check', ['--conten', 'x']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('usage: npm run check -- [<path>…] [--content <dir>]');
  });
});

describe('npm run new', () => {
  it('creates a document that check refuses until it is filled in, and never overwrites it', () => {
    const content = join(work, 'new', 'content');
    cpSync(join(REPO_ROOT, 'content'), content, { recursive: true });
    const created = npmRun('new', [
      '2020/07',
      '--number',
      '淄政办字〔2020〕61号',
      '--title',
      '关于做好防汛工作的通知',
      '--date',
      '2020-05-30',
      '--content',
      content,
    ]);
    expect(created.code).toBe(0);
    expect(created.stdout).toContain('created content/zibo/2020/07/zzbz-2020-61.md\n');
    const file = join(content, 'zibo/2020/07/zzbz-2020-61.md');
    const text = readFileSync(file, 'utf8');

    const check = npmRun('check', ['--content', content]);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain(
      'content/zibo/2020/07/zzbz-2020-61.md:5:5: issuers.0: placeholder 【待填写：发文机关】 left by `npm run new` or `npm run import`: replace it with the 发文机关\n',
    );
    expect(SUMMARY.exec(check.stdout)!.slice(1)).toEqual(['8', '3', '0']);

    const again = npmRun('new', ['2020/07', '--number', '淄政办字〔2020〕61号', '--content', content]);
    expect(again.code).toBe(1);
    expect(again.stderr.trim()).toBe(
      'npm run new: content/zibo/2020/07/zzbz-2020-61.md already exists; nothing was written (choose another --slug, or edit that file)',
    );
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  it('needs exactly one issue', () => {
    const result = npmRun('new', ['--slug', 'a-1']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('give exactly one issue, e.g. 2020/07');
    expect(existsSync(join(REPO_ROOT, 'content/zibo/2020/07/a-1.md'))).toBe(false);
  });
});

describe('the GitHub Actions workflow', () => {
  type Step = { name?: string; uses?: string; run?: string; with?: Record<string, unknown>; if?: string };
  type Job = {
    steps: Step[];
    if?: string;
    needs?: string;
    permissions?: Record<string, string>;
    environment?: { name: string };
  };
  const workflow = load(readFileSync(join(REPO_ROOT, '.github/workflows/site.yml'), 'utf8')) as {
    on: { push: { branches: string[] }; pull_request: unknown };
    jobs: Record<string, Job>;
  };
  const { build, deploy } = workflow.jobs;
  const action = (job: Job, name: string) => job.steps.find((step) => step.uses?.startsWith(`actions/${name}@`));

  it('checks and builds on pushes to main and on pull requests', () => {
    expect(workflow.on.push.branches).toEqual(['main']);
    expect(workflow.on).toHaveProperty('pull_request');
    expect(build.steps.filter((step) => step.run).map((step) => step.run)).toEqual([
      'npm ci',
      'npm run check',
      'npm run build',
    ]);
  });

  it('uses Node 24 and the whole git history (for revision histories)', () => {
    expect(action(build, 'setup-node')!.with).toMatchObject({ 'node-version': 24 });
    expect(action(build, 'checkout')!.with).toMatchObject({ 'fetch-depth': 0 });
  });

  it('keeps Astro’s cache folder between runs, before the build (incremental builds)', () => {
    const cache = action(build, 'cache')!;
    expect(cache.with).toMatchObject({ path: 'node_modules/.astro' });
    expect(build.steps.indexOf(cache)).toBeLessThan(build.steps.findIndex((step) => step.run === 'npm run build'));
  });

  it('deploys dist/ to GitHub Pages with the official actions, not from pull requests', () => {
    expect(action(build, 'upload-pages-artifact')!.with).toEqual({ path: 'dist' });
    expect(deploy.needs).toBe('build');
    expect(deploy.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(deploy.environment!.name).toBe('github-pages');
    expect(action(deploy, 'deploy-pages')).toBeDefined();
    for (const gated of [action(build, 'configure-pages'), action(build, 'upload-pages-artifact'), deploy]) {
      expect(gated!.if).toBe("github.event_name != 'pull_request'");
    }
  });

  it('pins every action to a major version', () => {
    for (const step of [...build.steps, ...deploy.steps].filter((step) => step.uses)) {
      expect(step.uses).toMatch(/^actions\/[a-z-]+@v\d+$/);
    }
  });
});
