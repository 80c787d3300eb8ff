import { ApiError } from '../client';
import { COUNTY_CODE, type DemoCounty } from '../county';
import type { DemoPlugin, DemoUser, SeedContext } from '../plugin';

/** 行业部门 accounts, one per department the gateway knows. */
const DEPARTMENTS: readonly [string, string, string][] = [
  ['jiaoyu', 'education', '县教育局'],
  ['weijian', 'health', '县卫健局'],
  ['minzheng', 'civil_affairs', '县民政局'],
  ['zhujian', 'housing', '县住建局'],
  ['renshe', 'human_resources', '县人社局'],
  ['caizheng', 'finance', '县财政局'],
  ['nongye', 'agriculture', '县农业农村局'],
  ['shuili', 'water', '县水利局'],
  ['linye', 'forestry', '县林业局'],
  ['gongan', 'public_security', '县公安局'],
  ['shichang', 'market_regulation', '县市场监管局'],
  ['yibao', 'medical_security', '县医保局'],
  ['canlian', 'disabled_persons_federation', '县残联'],
];

/** Every user kind of the domain guide, scoped to the demo county's areas. */
export function standardUsers(county: DemoCounty): DemoUser[] {
  const firstVillage = county.villages[0]!;
  return [
    {
      username: 'fupinban',
      displayName: '县扶贫办',
      roles: ['poverty_office'],
      areaCode: COUNTY_CODE,
      note: '县扶贫办：全县数据、审批、数据比对、考核',
    },
    ...DEPARTMENTS.map(([username, department, name]) => ({
      username,
      displayName: name,
      roles: ['department_staff'],
      department,
      areaCode: COUNTY_CODE,
      note: `行业部门：${name}`,
    })),
    ...county.townships.map((t, i) => ({
      username: `xiangzhen${String(i + 1).padStart(2, '0')}`,
      displayName: `${t.name}扶贫站`,
      roles: ['township_staff'],
      areaCode: t.code,
      note: `乡镇工作人员：只看${t.name}`,
    })),
    {
      username: 'cunwei01',
      displayName: `${firstVillage.name}村委会`,
      roles: ['village_staff'],
      areaCode: firstVillage.code,
      note: `村级工作人员：${firstVillage.name}`,
    },
    {
      username: 'bangfu01',
      displayName: '帮扶干部（县财政局）',
      roles: ['assistance_cadre'],
      areaCode: firstVillage.townshipCode,
      note: '帮扶干部：走访、一户一策',
    },
    {
      username: 'shenji',
      displayName: '县审计局（只读）',
      roles: ['auditor'],
      areaCode: COUNTY_CODE,
      note: '只读审计员',
    },
  ];
}

/** The gateway's part: a demo user for every user kind, each with the demo password set. */
export function gatewayPlugin(extraUsers: (county: DemoCounty) => DemoUser[]): DemoPlugin {
  return {
    name: 'gateway',
    probe: '/.well-known/jwks.json',
    async isSeeded(ctx: SeedContext) {
      const admin = await ctx.as('admin');
      return (await admin.count('/users', { q: 'fupinban' })) > 0;
    },
    async seed(ctx: SeedContext) {
      const admin = await ctx.as('admin');
      const users = [...standardUsers(ctx.county), ...extraUsers(ctx.county)];
      for (const u of users) {
        const res = await admin.request<{ initialPassword: string }>('POST', '/users', {
          json: {
            username: u.username,
            displayName: u.displayName,
            roles: u.roles,
            areaCode: u.areaCode,
            ...(u.department ? { department: u.department } : {}),
          },
          accept: [409],
        });
        if (res.status === 409) {
          ctx.log(`  user ${u.username} exists`);
          continue;
        }
        try {
          await ctx.gateway.changePassword(u.username, res.body.initialPassword, ctx.password);
        } catch (err) {
          if (err instanceof ApiError) throw new Error(`demo user ${u.username}: ${err.message}`);
          throw err;
        }
      }
      ctx.log(`  ${users.length} demo users, password ${ctx.password}`);
    },
  };
}
