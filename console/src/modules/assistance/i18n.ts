import { mergeModuleMessages } from '../../i18n/merge';
import { cadresMessages } from './messages/cadres';
import { receiptsMessages } from './messages/receipts';
import { villagesMessages } from './messages/villages';

/**
 * The assistance module's messages: `resources.<name>` for each of its resources (name, fields,
 * actions), `enums.<Type>` for its enumerations, `assistance.*` for its own pages. English has
 * exactly the keys Chinese has (the type says so, and a test checks the merged trees).
 */
export const assistanceMessages = mergeModuleMessages(
  cadresMessages,
  villagesMessages,
  receiptsMessages,
);
