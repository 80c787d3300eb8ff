import type { DossierPart, DossierPartName } from '@fupin/contracts';
import {
  assemble,
  leftOut,
  type PartOutcome,
  TIMELINE_LIMIT,
} from '../src/dossier/dossier.assembly';

const part = (name: DossierPartName, at: string[]): PartOutcome => ({
  status: 'ok',
  part: {
    part: name,
    householdId: 'h-1',
    generatedAt: '2026-12-05T00:00:00.000Z',
    sections: { [name]: [] },
    timeline: at.map((a, i) => ({
      at: a,
      kind: `${name}_${i}`,
      label: { 'zh-CN': `${name}${i}`, en: `${name} ${i}` },
    })),
  } satisfies DossierPart,
});

const outcomes = (over: Partial<Record<DossierPartName, PartOutcome>>) => ({
  registry: part('registry', ['2020-01-01T00:00:00Z', '2024-06-01T00:00:00+08:00']),
  assistance: part('assistance', ['2023-01-01T00:00:00Z']),
  funds: { status: 'no_right' as const, message: leftOut('funds', 'no_right') },
  support: { status: 'unavailable' as const, message: leftOut('support', 'unavailable') },
  matching: { status: 'not_found' as const, message: leftOut('matching', 'not_found') },
  ...over,
});

test('every part is listed in order, left-out ones with why in both languages', () => {
  const d = assemble('h-1', outcomes({}), new Date('2026-12-05T08:00:00Z'));
  expect(d.parts.map((p) => [p.part, p.status])).toEqual([
    ['registry', 'ok'],
    ['assistance', 'ok'],
    ['funds', 'no_right'],
    ['support', 'unavailable'],
    ['matching', 'not_found'],
  ]);
  const funds = d.parts[2] as { message: { 'zh-CN': string; en: string } };
  expect(funds.message['zh-CN']).toBe('无权查看「项目资金」部分，已略去');
  expect(funds.message.en).toContain('No right');
  expect(d.parts[0]).toMatchObject({ sections: { registry: [] } });
  expect(d).toMatchObject({ householdId: 'h-1', generatedAt: '2026-12-05T08:00:00.000Z' });
});

test('the timeline is every part’s, newest first by instant, each entry naming its part', () => {
  const d = assemble('h-1', outcomes({}), new Date());
  expect(d.timeline.map((e) => [e.part, e.kind])).toEqual([
    ['registry', 'registry_1'],
    ['assistance', 'assistance_0'],
    ['registry', 'registry_0'],
  ]);
  expect(d.timelineOmitted).toBe(0);
});

test('a timeline past the limit keeps the newest and counts what it left out', () => {
  const many = Array.from({ length: TIMELINE_LIMIT + 5 }, (_, i) =>
    new Date(Date.UTC(2020, 0, 1) + i * 86_400_000).toISOString(),
  );
  const d = assemble('h-1', outcomes({ registry: part('registry', many) }), new Date());
  expect(d.timeline).toHaveLength(TIMELINE_LIMIT);
  // 1,006 entries: the assistance entry of 2023 is the newest, the six oldest days are left out.
  expect(d.timelineOmitted).toBe(6);
  expect(d.timeline[0]!.part).toBe('assistance');
  expect(d.timeline[1]!.at).toBe(many[many.length - 1]);
  expect(d.timeline[TIMELINE_LIMIT - 1]!.at).toBe(many[6]);
});
