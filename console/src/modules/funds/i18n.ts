import { mergeModuleMessages } from '../../i18n/merge';
import { projectsMessages } from './messages/projects';
import { oversightMessages } from './messages/oversight';
import { progressMessages } from './messages/progress';
import { projectNoticesMessages } from './messages/project-notices';

/**
 * The funds module's messages: `resources.<name>` for each of its resources (name, fields,
 * actions), `enums.<Type>` for its enumerations, `funds.*` for its own pages. English has
 * exactly the keys Chinese has (the type says so, and a test checks the merged trees).
 */
export const fundsMessages = mergeModuleMessages(
  projectsMessages,
  oversightMessages,
  progressMessages,
  projectNoticesMessages,
);
