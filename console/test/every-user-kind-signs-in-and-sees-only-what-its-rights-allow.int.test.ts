import { consolePage, screenshot, settled, signIn, untranslated } from './support/browser';
import {
  COUNTY,
  consoleStackForThisFile,
  TOWNSHIP_A,
  VILLAGE_A1,
  type ConsoleStack,
} from './support/stack';

/**
 * Each user kind signs in to the console and sees the menu entries and buttons its token's
 * rights allow — and none other — in Chinese.
 */
const t = consoleStackForThisFile();

const REGISTRY_MENU = ['贫困户', '行政村', '地区', '导入任务', '年度脱贫目标'];
const ADMIN_MENU = ['用户', '角色', '审计日志', '管辖范围', '密钥轮换'];

interface Kind {
  label: string;
  roles: Parameters<ConsoleStack['platform']['signedInUser']>[0]['roles'];
  areaCode: string;
  department?: 'education';
  menu: string[];
  hidden: string[];
  householdButtons: { create: boolean; export: boolean; import: boolean };
}

const KINDS: Kind[] = [
  {
    label: 'county-admin',
    roles: ['county_admin'],
    areaCode: COUNTY,
    menu: [...REGISTRY_MENU, ...ADMIN_MENU],
    hidden: [],
    householdButtons: { create: false, export: false, import: false },
  },
  {
    label: 'poverty-office',
    roles: ['poverty_office'],
    areaCode: COUNTY,
    menu: REGISTRY_MENU,
    hidden: ADMIN_MENU,
    householdButtons: { create: true, export: true, import: true },
  },
  {
    label: 'department-staff',
    roles: ['department_staff'],
    department: 'education',
    areaCode: COUNTY,
    menu: REGISTRY_MENU,
    hidden: ADMIN_MENU,
    householdButtons: { create: false, export: false, import: false },
  },
  {
    label: 'township-staff',
    roles: ['township_staff'],
    areaCode: TOWNSHIP_A,
    menu: REGISTRY_MENU,
    hidden: ADMIN_MENU,
    householdButtons: { create: true, export: true, import: true },
  },
  {
    label: 'village-staff',
    roles: ['village_staff'],
    areaCode: VILLAGE_A1,
    menu: REGISTRY_MENU,
    hidden: ADMIN_MENU,
    householdButtons: { create: true, export: false, import: true },
  },
  {
    label: 'assistance-cadre',
    roles: ['assistance_cadre'],
    areaCode: TOWNSHIP_A,
    menu: REGISTRY_MENU,
    hidden: ADMIN_MENU,
    householdButtons: { create: false, export: false, import: false },
  },
  {
    label: 'auditor',
    roles: ['auditor'],
    areaCode: COUNTY,
    menu: [...REGISTRY_MENU, '审计日志'],
    hidden: ['用户', '角色', '管辖范围', '密钥轮换'],
    householdButtons: { create: false, export: false, import: false },
  },
];

test.each(KINDS)(
  '$label signs in, sees its menu entries and buttons, and the dashboard is all Chinese',
  async (kind) => {
    const user = await t.stack.platform.signedInUser({
      roles: kind.roles,
      areaCode: kind.areaCode,
      ...(kind.department ? { department: kind.department } : {}),
    });
    const { page, errors, close } = await consolePage(t.browser, t.stack.consoleUrl);
    try {
      await signIn(page, user.username, user.password);
      await settled(page);
      const menu = page.locator('.RaSidebar-fixed, .RaMenu-root').first();
      for (const entry of kind.menu) {
        await expect(
          menu.getByRole('menuitem', { name: entry, exact: true }).count(),
        ).resolves.toBe(1);
      }
      for (const entry of kind.hidden) {
        await expect(
          menu.getByRole('menuitem', { name: entry, exact: true }).count(),
        ).resolves.toBe(0);
      }
      expect(await untranslated(page, [user.username])).toEqual([]);
      await screenshot(page, `dashboard-${kind.label}`);

      await page.goto('/#/households');
      await settled(page);
      const toolbar = page.locator('.RaTopToolbar-root, [class*=RaList-actions]').first();
      await toolbar.waitFor();
      const has = async (name: string) =>
        (await toolbar.getByRole('button', { name }).count()) +
          (await toolbar.getByRole('link', { name }).count()) >
        0;
      expect({
        create: await has('新增'),
        export: await has('导出'),
        import: await has('导入'),
      }).toEqual(kind.householdButtons);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  },
  120_000,
);

test('a page reached by its address without the right says 无权访问 and asks no service', async () => {
  const user = await t.stack.platform.signedInUser({
    roles: ['township_staff'],
    areaCode: TOWNSHIP_A,
  });
  const { page, errors, close } = await consolePage(t.browser, t.stack.consoleUrl);
  try {
    await signIn(page, user.username, user.password);
    await settled(page);
    const asked: string[] = [];
    page.on('request', (r) => {
      if (/\/api\/|\/users|\/roles/.test(new URL(r.url()).pathname)) asked.push(r.url());
    });
    // 管辖范围 needs the users right, which township staff do not have.
    await page.goto('/#/scopes');
    await settled(page);
    await expect(page.getByText('您没有访问此页面的权限').count()).resolves.toBe(1);
    await expect(page.locator('#react-admin-title').innerText()).resolves.toContain('无权访问');
    expect(asked.filter((u) => /\/users|\/roles|areas/.test(u))).toEqual([]);
    await screenshot(page, 'access-denied-township-staff');
    expect(errors).toEqual([]);
  } finally {
    await close();
  }
}, 120_000);
