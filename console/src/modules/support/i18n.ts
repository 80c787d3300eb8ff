import { mergeModuleMessages } from '../../i18n/merge';
import { educationMessages } from './messages/education';
import { healthMessages } from './messages/health';
import { enumsMessages } from './messages/enums';

/**
 * The support module's messages: `resources.<name>` for each of its resources (name, fields,
 * actions), `enums.<Type>` for its enumerations, `support.*` for its own pages. English has
 * exactly the keys Chinese has (the type says so, and a test checks the merged trees).
 */
export const supportMessages = mergeModuleMessages(
  educationMessages,
  healthMessages,
  enumsMessages,
);
