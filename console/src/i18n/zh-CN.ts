import { referenceEnumMessages } from './enums';
import { mergeMessages } from './merge';
import { MODULE_MESSAGES } from './modules';
import { zhRa } from './zh-CN.ra';
import { zhResources } from './zh-CN.resources';

const ref = referenceEnumMessages('zh-CN');

/**
 * 简体中文 — the console's default language: react-admin's own messages (ra.*, every key of
 * ra-language-english) and the console's. en.ts has exactly the same keys (tested).
 */
export const zhBase = {
  ra: zhRa,

  app: {
    title: '精准扶贫管理平台',
    language: '语言',
    none: '—',
    error: {
      unavailable: '服务暂时不可用，请稍后重试',
      load_failed: '加载失败：%{message}',
    },
    login: {
      title: '精准扶贫管理平台',
      subtitle: '县级精准扶贫工作平台',
      change_password_title: '请修改初始密码',
      change_password_hint:
        '首次登录或密码被重置后须先修改密码：至少 10 个字符，包含大写字母、小写字母、数字和符号中的三类，且不含用户名。',
      current_password: '当前密码',
      new_password: '新密码',
      confirm_password: '确认新密码',
      password_mismatch: '两次输入的新密码不一致',
      password_changed: '密码已修改，正在登录',
      submit_change: '修改密码并登录',
    },
    user: {
      scope: '管辖范围：%{area}',
      roles: '角色：%{roles}',
    },
    validation: {
      yuan: '金额格式不正确（例如 1234.56）',
      reason: '请填写原因（2–200 个字）',
      id_number: '身份证号应为 18 位（末位可为 X）',
      area_code: '地区代码应为 12 位数字',
      year: '年份应在 2000–2100 之间',
      household_no: '户编号应为 4–32 位字母、数字或连字符',
      username: '用户名为 3–40 个字母、数字或 . _ -，以字母开头',
      integer: '应为非负整数',
    },
    unmask: {
      button: '显示完整信息',
      title: '查看完整个人信息',
      hint: '身份证号、电话和银行账号默认脱敏显示。查看完整内容将记入审计日志，请填写查看原因。',
      reason: '查看原因',
      confirm: '显示',
      done: '已显示完整信息，本次查看已记入审计日志',
      shown: '当前显示完整个人信息',
      mask_again: '恢复脱敏',
    },
    export: {
      button: '导出',
      title: '导出贫困户',
      hint: '按当前筛选条件导出贫困户（每名家庭成员一行，列与导入模板一致），导出操作记入审计日志。',
      unmask: '导出完整个人信息（需有查看权限并填写原因）',
      reason: '导出原因',
      confirm: '导出',
      done: '已导出：%{name}',
    },
    sync: {
      syncing: '数据同步中 (%{applied} / %{total})',
      hint: '登记数据的最新变更尚未全部同步到本模块，列表和统计可能暂不完整；比对和排名会等同步完成后再开始。',
    },
    progress: {
      rows: '已处理 %{done} / %{total} 行',
      rows_unknown: '已处理 %{done} 行',
      households: '已处理 %{done} / %{total} 户',
      households_unknown: '已处理 %{done} 户',
      percent: '%{percent}%',
    },
    common: {
      actions: '操作',
      reason: '原因',
      evidence: '依据（每行一项：文号、文件编号或链接）',
      submit: '提交',
      saved: '已保存',
      yuan_unit: '元',
      yuan: '%{amount} 元',
      count_households: '%{count} 户',
      count_people: '%{count} 人',
    },
  },

  menu: {
    dashboard: '工作台',
    registry: '建档立卡',
    assistance: '帮扶管理',
    funds: '项目资金',
    support: '教育健康',
    matching: '数据比对',
    assessment: '考核评估',
    administration: '系统管理',
  },

  dashboard: {
    welcome: '您好，%{name}',
    scope: '管辖范围：%{area}',
    no_rights: '您的账号尚未分配任何模块权限，请联系系统管理员。',
    no_data: '暂无数据',
    households_by_status: '贫困户状态分布',
    households_by_cause: '主要致贫原因',
    incidence_by_township: '各乡镇贫困发生率',
    exits_against_target: '历年脱贫户数与目标',
    totals: '建档立卡概况',
    registered_households: '建档立卡户',
    registered_households_hint:
      '建档立卡户含贫困、返贫、已脱贫和脱贫不稳定户；边缘易致贫户和突发严重困难户为监测对象，不计入此数，贫困户列表则列出全部状态。',
    registered_people: '建档立卡人口',
    still_poor_households: '未脱贫户',
    still_poor_people: '未脱贫人口',
    exits: '脱贫户数',
    target: '目标户数',
    households: '户数',
    incidence_percent: '贫困发生率（%）',
    security_events: '近期登录失败与锁定',
    recent_imports: '近期导入任务',
  },

  resources: zhResources,

  workflow: {
    none_active: '当前没有进行中的流程',
    start: '发起%{kind}',
    take: '办理：%{action}',
    reject: '驳回',
    reject_title: '%{kind} · 驳回',
    waiting: '待办：%{action}',
    notice_until: '公示期至 %{date}，公示结束前不能进行下一步',
    refused: '未通过校验，以下条件不满足：',
    checks: '校验结果',
    passed: '通过',
    failed: '未通过',
    closed_runs: '历次流程',
    step_done: '已办理：%{action}',
    started_at: '发起于 %{date}',
    by: '%{actor} 于 %{date}',
    fields: {
      reason: '办理意见',
      evidence: '依据（每行一项）',
      year: '脱贫年度',
      identification_year: '识别年度',
      category: '监测类别',
      justification: '排除情形的说明',
      votes_for: '赞成票',
      votes_against: '反对票',
      votes_abstain: '弃权票',
      exclusions: '识别排除情形',
    },
  },

  history: {
    empty: '暂无变更记录',
    changed: '变更内容：%{fields}',
    status_change: '状态：%{from} → %{to}',
  },

  enums: {
    ...ref,
    HouseholdStatus: {
      candidate: '识别中',
      ...ref.HouseholdStatus,
      cancelled: '未通过识别',
    },
    MemberStatus: { active: '在册', removed: '已移除' },
    RecordStatus: { active: '有效', retired: '已撤销' },
    UserStatus: { active: '启用', disabled: '停用' },
    PoorVillageLevel: { provincial: '省级贫困村', city: '市级贫困村' },
    WorkflowKind: {
      identification: '精准识别',
      exit: '脱贫退出',
      return: '返贫',
      monitoring_entry: '纳入监测',
      monitoring_removal: '风险消除',
    },
    WorkflowAction: {
      start: '申请',
      appraise: '民主评议',
      notice: '公示',
      review: '乡镇审核',
      approve: '县级审定',
      reject: '驳回',
    },
    WorkflowStage: {
      started: '已申请',
      appraised: '已评议',
      noticed: '公示中',
      reviewed: '已审核',
      approved: '已审定',
      rejected: '已驳回',
    },
    WorkflowOutcome: { pending: '进行中', approved: '已通过', rejected: '已驳回' },
    MonitoringCategory: {
      unstable: '脱贫不稳定户',
      marginal: '边缘易致贫户',
      sudden_hardship: '突发严重困难户',
    },
    ExclusionFlag: {
      car: '家庭拥有小汽车',
      business: '家庭成员经营企业',
      urbanHousing: '在城镇购有住房',
      publicEmployee: '家庭成员为财政供养人员',
      villageCadreFamily: '村干部家庭',
    },
    HistoryAction: {
      registered: '登记',
      imported: '导入',
      updated: '修改户信息',
      member_added: '新增成员',
      member_updated: '修改成员',
      member_removed: '移除成员',
      unmask: '查看完整信息',
      export: '导出',
    },
    ImportStatus: {
      queued: '排队中',
      counting: '统计行数',
      running: '导入中',
      completed: '已完成',
      failed: '失败',
    },
    FileFormat: { xlsx: 'Excel 工作簿', csv: 'CSV 文本' },
    Role: {
      county_admin: '县级系统管理员',
      poverty_office: '县扶贫办',
      department_staff: '行业部门',
      township_staff: '乡镇工作人员',
      village_staff: '村级工作人员',
      assistance_cadre: '帮扶干部',
      auditor: '只读审计员',
    },
    Module: {
      registry: '建档立卡',
      assistance: '帮扶管理',
      funds: '项目资金',
      support: '教育健康',
      assessment: '考核评估',
      matching: '数据比对',
      users: '用户管理',
      audit: '审计日志',
    },
    Right: {
      read: '查看',
      write: '录入',
      approve: '审批',
      unmask: '查看完整个人信息',
      export: '导出',
    },
    AuditAction: {
      unmask: '查看完整信息',
      export: '导出',
      login: '登录',
      login_failed: '登录失败',
      account_locked: '账号锁定',
      permission_change: '权限变更',
    },
    SubjectType: { user: '用户', household: '贫困户', import: '导入任务' },
    AuditActor: { bootstrap: '系统初始化' },
    AuditReason: {
      user_created: '新建用户',
      password_reset: '重置密码',
      account_unlocked: '解锁账号',
      first_administrator: '创建首个系统管理员',
      unknown_username: '用户名不存在',
      account_locked: '账号已锁定',
      wrong_password: '密码错误',
      too_many_wrong_passwords: '密码错误次数过多',
      account_disabled: '账号已停用',
    },
    Service: {
      gateway: '网关',
      registry: '建档立卡',
      assistance: '帮扶管理',
      funds: '项目资金',
      support: '教育健康',
      matching: '数据比对',
      assessment: '考核评估',
    },
  },
};

/** With every service module's own messages (modules/<name>/i18n.ts). */
export const zhCN = mergeMessages(zhBase, ...MODULE_MESSAGES.map((m) => m.zhCN));

export default zhCN;
