import type { WorkflowDefinition } from '../workflow.steps';
import type { WorkflowKind } from '../workflow.types';
import { clearance } from './clearance';
import { exit } from './exit';
import { identification } from './identification';
import { monitoringEntry } from './monitoring-entry';
import { monitoringRemoval } from './monitoring-removal';
import { returnToPoverty } from './return';

/** Every workflow of the registry, one definition each. */
export const DEFINITIONS: Record<WorkflowKind, WorkflowDefinition> = {
  identification,
  exit,
  return: returnToPoverty,
  monitoring_entry: monitoringEntry,
  monitoring_removal: monitoringRemoval,
  clearance,
};
