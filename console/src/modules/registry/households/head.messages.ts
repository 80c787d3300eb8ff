import type { ModuleMessages, SameKeys } from '../../../i18n/types';

/** 户主变更 and 户主待变更 on the household page (English has the same keys). */
const zhCN = {
  enums: { HistoryAction: { head_changed: '户主变更' } },
  headChange: {
    button: '设为户主',
    title: '户主变更：设 %{name} 为户主',
    hint: '一户只能有一名户主。该成员成为户主，原户主改为下面选择的与户主关系，一次办理完成并记入户的变更记录。',
    hint_no_head: '该户目前没有户主（原户主已死亡或移出）。该成员成为户主，记入户的变更记录。',
    former_relation: '原户主今后的与户主关系',
    submit: '办理户主变更',
    done: '户主已变更',
    pending_short: '户主待变更',
    pending:
      '户主待变更：原户主已不在户内（如经比对核实死亡），请在家庭成员中选定新户主（「设为户主」）。',
  },
};

const en: SameKeys<typeof zhCN> = {
  enums: { HistoryAction: { head_changed: 'Change of head' } },
  headChange: {
    button: 'Make head',
    title: 'Change of head: make %{name} the head',
    hint: "A household has one head only. This member becomes the head and the former head takes the relation chosen below, in one change kept in the household's history.",
    hint_no_head:
      "The household has no head now (the former head died or left). This member becomes the head; the change is kept in the household's history.",
    former_relation: "The former head's relation from now on",
    submit: 'Change the head',
    done: 'The head was changed',
    pending_short: 'Head to be designated',
    pending:
      'Head to be designated: the former head is no longer in the household (e.g. a death verified by matching); choose the new head among the members ("Make head").',
  },
};

export const headChangeMessages: ModuleMessages = { zhCN, en };
