import type { ModuleMessages, SameKeys } from '../../../i18n/types';

/** 扶贫手册 on the dossier page and a village's print job (English has the same keys). */
const zhCN = {
  handbook: {
    print: '打印扶贫手册',
    print_clear: '打印扶贫手册（明文）',
    clear_title: '打印明文扶贫手册',
    clear_hint: '手册将显示身份证号和电话的明文。请填写事由，本次打印将记入审计日志。',
    clear_confirm: '打印',
    village: {
      button: '打印本村扶贫手册',
      title: '打印本村扶贫手册',
      hint: '按户号顺序打印本村全部农户的扶贫手册，每户另起一页，合为一个 PDF 文件。户数较多时需要一些时间。',
      card: {
        button: '打印本村明白卡',
        title: '打印本村明白卡',
        hint: '按户号顺序打印本村全部农户本年度的明白卡，每户一页，合为一个 PDF 文件，电话一律脱敏。',
      },
      clear: '显示身份证号和电话的明文（须填写事由，记入审计日志）',
      start: '开始打印',
      download: '下载文件',
      close: '关闭',
      state: {
        queued: '排队中',
        running: '正在打印',
        completed: '打印完成',
        failed: '打印失败',
      },
    },
  },
};

const en: SameKeys<typeof zhCN> = {
  handbook: {
    print: 'Print the handbook',
    print_clear: 'Print the handbook (in clear)',
    clear_title: 'Print the handbook in clear',
    clear_hint:
      'The handbook will show ID numbers and phones in clear. Give a reason: this print is recorded in the audit log.',
    clear_confirm: 'Print',
    village: {
      button: "Print the village's handbooks",
      title: "Print the village's handbooks",
      hint: 'Every household of the village in household-number order, each on a new page, in one PDF. A large village takes a while.',
      card: {
        button: "Print the village's policy cards",
        title: "Print the village's policy cards",
        hint: "This year's policy card of every household of the village in household-number order, one page each, in one PDF; phones always masked.",
      },
      clear: 'Show ID numbers and phones in clear (a reason is required and audited)',
      start: 'Start printing',
      download: 'Download the file',
      close: 'Close',
      state: {
        queued: 'Queued',
        running: 'Printing',
        completed: 'Printed',
        failed: 'Failed',
      },
    },
  },
};

export const handbookMessages: ModuleMessages = { zhCN, en };
