import type { ModuleMessages, SameKeys } from '../../../i18n/types';

/** 明白卡 on the dossier page (English has the same keys). */
const zhCN = {
  dossier: {
    card: {
      print: '打印明白卡',
    },
  },
};

const en: SameKeys<typeof zhCN> = {
  dossier: {
    card: {
      print: 'Print the policy card',
    },
  },
};

export const cardMessages: ModuleMessages = { zhCN, en };
