import type { ModuleMessages, SameKeys } from '../../../i18n/types';

/**
 * 项目进度 — planned days, progress reports and the slow-projects list (English has exactly the
 * keys Chinese has: the type says so).
 */
const zhCN = {
  resources: {
    projects: {
      fields: {
        plannedStartOn: '计划开工日期',
        plannedFinishOn: '计划完工日期',
        progressPercent: '进度（%）',
      },
      tabs: { progress: '工程进度' },
      progress: {
        report: '填报进度',
        reported: '进度已填报',
        percent: '完成进度（%）',
        reportedOn: '填报日期',
        note: '进度说明',
        reason: '进度下调原因',
        reason_hint: '进度低于上次填报时必须填写',
        evidence: '佐证材料',
        reportedBy: '填报人',
        planned: '计划工期',
        history: '进度填报记录',
        none: '尚未填报进度',
      },
    },
    'slow-projects': {
      name: '进展缓慢项目',
      fields: {
        code: '项目编号',
        name: '项目名称',
        type: '项目类型',
        areaCode: '项目地点',
        plannedTotalFen: '计划总投资（元）',
        plannedStartOn: '计划开工',
        plannedFinishOn: '计划完工',
        plannedPercent: '计划进度（%）',
        reportedPercent: '填报进度（%）',
        behindPoints: '落后（百分点）',
        lastReportedOn: '最近填报',
        thresholdPoints: '预警阈值（百分点）',
      },
    },
  },
  enums: {
    ProjectHistoryAction: { progress: '填报进度' },
  },
};

const en: SameKeys<typeof zhCN> = {
  resources: {
    projects: {
      fields: {
        plannedStartOn: 'Planned start',
        plannedFinishOn: 'Planned finish',
        progressPercent: 'Progress (%)',
      },
      tabs: { progress: 'Work progress' },
      progress: {
        report: 'Report progress',
        reported: 'Progress reported',
        percent: 'Work done (%)',
        reportedOn: 'Reported on',
        note: 'Note',
        reason: 'Why lower than before',
        reason_hint: 'Required when the progress is below the last report',
        evidence: 'Evidence',
        reportedBy: 'Reported by',
        planned: 'Planned schedule',
        history: 'Progress reports',
        none: 'No progress reported yet',
      },
    },
    'slow-projects': {
      name: 'Slow projects',
      fields: {
        code: 'Project number',
        name: 'Project name',
        type: 'Type',
        areaCode: 'Location',
        plannedTotalFen: 'Planned investment (yuan)',
        plannedStartOn: 'Planned start',
        plannedFinishOn: 'Planned finish',
        plannedPercent: 'Planned (%)',
        reportedPercent: 'Reported (%)',
        behindPoints: 'Behind (points)',
        lastReportedOn: 'Last report',
        thresholdPoints: 'Threshold (points)',
      },
    },
  },
  enums: {
    ProjectHistoryAction: { progress: 'Progress reported' },
  },
};

export const progressMessages: ModuleMessages = { zhCN, en };
