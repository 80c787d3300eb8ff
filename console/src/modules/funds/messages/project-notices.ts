import type { ModuleMessages, SameKeys } from '../../../i18n/types';

/** 公示登记 — the notices posted on a project before its approval or its 尾款. */
const zhCN = {
  resources: {
    projects: {
      tabs: { notices: '公示' },
      notices: {
        record: '登记公示',
        recorded: '公示已登记',
        step: '公示事项',
        postedOn: '张贴日期',
        place: '公示地点',
        placeNote: '地点说明',
        placeNote_hint: '写明哪个公示栏或网站；选择“其他”时必填',
        text: '公示内容',
        evidence: '照片或文件',
        evidence_hint: '可上传公示栏照片或网站截图，选填',
        recordedBy: '登记人',
        none: '尚未登记公示',
        rule: '审批入库前须张贴立项公示满规定天数；基础设施项目拨付尾款前须公示验收结果满规定天数。',
      },
    },
  },
  enums: {
    ProjectHistoryAction: { notice: '登记公示' },
    ProjectNoticeStep: {
      approval: '立项公示（审批入库前）',
      final_payment: '验收结果公示（拨付尾款前）',
    },
    ProjectNoticePlace: { village_board: '村务公开栏', government_site: '政府网站', other: '其他' },
  },
};

const en: SameKeys<typeof zhCN> = {
  resources: {
    projects: {
      tabs: { notices: 'Notices' },
      notices: {
        record: 'Record a notice',
        recorded: 'Notice recorded',
        step: 'Notice of',
        postedOn: 'Posted on',
        place: 'Posted at',
        placeNote: 'Where exactly',
        placeNote_hint: 'Which board or website; required for “other”',
        text: 'Text',
        evidence: 'Photos or files',
        evidence_hint: 'A photo of the board or a screenshot of the site, if any',
        recordedBy: 'Recorded by',
        none: 'No notice recorded yet',
        rule: 'Approval needs the proposal posted for the required days; the final payment of infrastructure needs the acceptance result posted for the required days.',
      },
    },
  },
  enums: {
    ProjectHistoryAction: { notice: 'Notice recorded' },
    ProjectNoticeStep: {
      approval: 'Proposal (before approval)',
      final_payment: 'Acceptance result (before the final payment)',
    },
    ProjectNoticePlace: {
      village_board: 'Village board',
      government_site: 'Government website',
      other: 'Other',
    },
  },
};

export const projectNoticesMessages: ModuleMessages = { zhCN, en };
