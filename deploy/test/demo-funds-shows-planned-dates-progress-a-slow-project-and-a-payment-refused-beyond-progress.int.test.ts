import { fundsPlugin } from '../demo/plugins/funds';
import { demoPartContext, demoPlatformForThisFile } from './support/demo-part';

const t = demoPlatformForThisFile();

interface Project {
  code: string;
  status: string;
  plannedStartOn: string | null;
  progressPercent: number | null;
  progressReports: { evidence: unknown[] }[];
  notices: { step: string; postedOn: string }[];
}

test('the funds demo has planned dates and progress reports, one slow project, and its payment refused beyond its progress', async () => {
  const log: string[] = [];
  const { ctx } = await demoPartContext(t.platform, {
    people: 400,
    seed: 24,
    only: ['gateway', 'registry'],
    log,
  });
  await fundsPlugin.seed(ctx);

  const office = await ctx.as('fupinban');
  const projects = (
    await office.get<Project[]>('/api/funds/projects', { range: '[0,99]' })
  ).body.filter((p) => p.status !== 'proposed');
  expect(projects.every((p) => p.plannedStartOn)).toBe(true);
  // Every approved project had its 立项公示 up before the approval.
  expect(projects.every((p) => p.notices.some((n) => n.step === 'approval'))).toBe(true);
  const done = projects.filter((p) => ['completed', 'accepted'].includes(p.status));
  expect(done.length).toBeGreaterThan(0);
  expect(
    done.every((p) => p.progressPercent === 100 && p.progressReports[0]?.evidence.length),
  ).toBe(true);
  const slow = (
    await office.get<{ code: string; behindPoints: number }[]>('/api/funds/projects/slow')
  ).body;
  expect(slow).toHaveLength(1);
  expect(slow[0]!.behindPoints).toBeGreaterThan(20);
  expect(log).toEqual(
    expect.arrayContaining([
      expect.stringMatching(
        new RegExp(`^ {2}payment refused beyond progress: ${slow[0]!.code} — 按项目进度.*最多拨付`),
      ),
      expect.stringMatching(
        /^ {2}approval refused before the notice period: .* — 审批入库前须项目立项公示满 10 天/,
      ),
    ]),
  );
}, 600_000);
