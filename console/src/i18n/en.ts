import englishMessages from 'ra-language-english';
import { enResources } from './en.resources';
import { referenceEnumMessages } from './enums';
import { mergeMessages } from './merge';
import { MODULE_MESSAGES } from './modules';
import type { SameKeys } from './types';
import type { zhBase } from './zh-CN';

const ref = referenceEnumMessages('en');

type AppMessages = SameKeys<Omit<typeof zhBase, 'ra'>>;

const app: AppMessages = {
  app: {
    title: 'Targeted Poverty Alleviation Platform',
    language: 'Language',
    none: '—',
    error: {
      unavailable: 'The service is unavailable; try again shortly',
      load_failed: 'Loading failed: %{message}',
    },
    login: {
      title: 'Targeted Poverty Alleviation Platform',
      subtitle: "The county's targeted poverty alleviation workspace",
      change_password_title: 'Change your initial password',
      change_password_hint:
        'An initial or reset password must be changed first: at least 10 characters, three of upper case, lower case, digits and symbols, not containing the username.',
      current_password: 'Current password',
      new_password: 'New password',
      confirm_password: 'Repeat the new password',
      password_mismatch: 'The two new passwords differ',
      password_changed: 'Password changed; signing in',
      submit_change: 'Change password and sign in',
    },
    user: {
      scope: 'Scope: %{area}',
      roles: 'Roles: %{roles}',
    },
    validation: {
      yuan: 'Not an amount (write e.g. 1234.56)',
      reason: 'Give the reason (2–200 characters)',
      id_number: 'An ID number has 18 characters (the last may be X)',
      area_code: 'An area code has 12 digits',
      year: 'A year between 2000 and 2100',
      household_no: 'A household number is 4–32 letters, digits or hyphens',
      username: 'A username is 3–40 letters, digits or . _ -, starting with a letter',
      integer: 'A whole number, 0 or more',
    },
    unmask: {
      button: 'Show in full',
      title: 'Show personal data in full',
      hint: 'ID numbers, phones and bank accounts are masked. Showing them in full is written to the audit log: give the reason.',
      reason: 'Reason',
      confirm: 'Show',
      done: 'Shown in full; this view is in the audit log',
      shown: 'Personal data is shown in full',
      mask_again: 'Mask again',
    },
    export: {
      button: 'Export',
      title: 'Export households',
      hint: 'Exports the households of the current filter (one row per member, in the import template’s columns). Every export is written to the audit log.',
      unmask: 'Export personal data in full (needs the right and a reason)',
      reason: 'Reason for the export',
      confirm: 'Export',
      done: 'Exported: %{name}',
    },
    sync: {
      syncing: 'Syncing data (%{applied} / %{total})',
      hint: "The registry's latest changes have not all reached this module yet, so lists and statistics may be short for now; matching runs and rankings wait until it has caught up.",
    },
    progress: {
      rows: '%{done} of %{total} rows done',
      rows_unknown: '%{done} rows done',
      percent: '%{percent}%',
    },
    common: {
      actions: 'Actions',
      reason: 'Reason',
      evidence: 'Evidence (one per line: document numbers, file ids or links)',
      submit: 'Submit',
      saved: 'Saved',
      yuan_unit: 'yuan',
      yuan: '%{amount} yuan',
      count_households: '%{count} households',
      count_people: '%{count} people',
    },
  },

  menu: {
    dashboard: 'Dashboard',
    registry: 'Registry',
    assistance: 'Assistance',
    funds: 'Projects and funds',
    support: 'Education and health',
    matching: 'Data matching',
    assessment: 'Assessment',
    administration: 'Administration',
  },

  dashboard: {
    welcome: 'Hello, %{name}',
    scope: 'Scope: %{area}',
    no_rights: 'Your account has no module rights yet; ask an administrator.',
    no_data: 'No data yet',
    households_by_status: 'Households by status',
    households_by_cause: 'Main causes of poverty',
    incidence_by_township: 'Poverty incidence by township',
    exits_against_target: 'Exits per year against the target',
    totals: 'The registry at a glance',
    registered_households: 'Registered households',
    registered_households_hint:
      'Registered households: in poverty, returned, exited and exited-but-unstable. Marginal and sudden-hardship households are monitored, not counted here; the household list shows every status.',
    registered_people: 'Registered people',
    still_poor_households: 'Households still in poverty',
    still_poor_people: 'People still in poverty',
    exits: 'Exits',
    target: 'Target',
    households: 'Households',
    incidence_percent: 'Poverty incidence (%)',
    security_events: 'Recent failed sign-ins and locks',
    recent_imports: 'Recent imports',
  },

  resources: enResources,

  workflow: {
    none_active: 'No workflow is running',
    start: 'Start %{kind}',
    take: 'Take step: %{action}',
    reject: 'Reject',
    reject_title: '%{kind} · Reject',
    waiting: 'Next: %{action}',
    notice_until: 'Public notice until %{date}; nothing moves on before it ends',
    refused: 'Refused: these conditions are not met:',
    checks: 'Checks',
    passed: 'Passed',
    failed: 'Failed',
    closed_runs: 'Earlier runs',
    step_done: 'Done: %{action}',
    started_at: 'Started %{date}',
    by: '%{actor} on %{date}',
    fields: {
      reason: 'Opinion',
      evidence: 'Evidence (one per line)',
      year: 'Exit year',
      identification_year: 'Identification year',
      category: 'Monitoring category',
      justification: 'Why despite the exclusions',
      votes_for: 'Votes for',
      votes_against: 'Votes against',
      votes_abstain: 'Abstentions',
      exclusions: 'Exclusions',
    },
  },

  history: {
    empty: 'No changes recorded',
    changed: 'Changed: %{fields}',
    status_change: 'Status: %{from} → %{to}',
  },

  enums: {
    ...ref,
    HouseholdStatus: {
      candidate: 'Candidate (identification running)',
      ...ref.HouseholdStatus,
      cancelled: 'Not identified',
    },
    MemberStatus: { active: 'Active', removed: 'Removed' },
    RecordStatus: { active: 'Active', retired: 'Retired' },
    UserStatus: { active: 'Active', disabled: 'Disabled' },
    PoorVillageLevel: { provincial: 'Provincial poor village', city: 'City poor village' },
    WorkflowKind: {
      identification: 'Identification',
      exit: 'Exit',
      return: 'Return to poverty',
      monitoring_entry: 'Monitoring entry',
      monitoring_removal: 'Risk removal',
    },
    WorkflowAction: {
      start: 'Application',
      appraise: 'Village appraisal',
      notice: 'Public notice',
      review: 'Township review',
      approve: 'County approval',
      reject: 'Reject',
    },
    WorkflowStage: {
      started: 'Applied',
      appraised: 'Appraised',
      noticed: 'On public notice',
      reviewed: 'Reviewed',
      approved: 'Approved',
      rejected: 'Rejected',
    },
    WorkflowOutcome: { pending: 'Running', approved: 'Approved', rejected: 'Rejected' },
    MonitoringCategory: {
      unstable: 'Unstable after exit',
      marginal: 'Marginal, at risk',
      sudden_hardship: 'Sudden severe hardship',
    },
    ExclusionFlag: {
      car: 'Owns a car',
      business: 'A member runs a business',
      urbanHousing: 'Owns urban housing',
      publicEmployee: 'A member is a public employee',
      villageCadreFamily: "A village cadre's family",
    },
    HistoryAction: {
      registered: 'Registered',
      imported: 'Imported',
      updated: 'Facts changed',
      member_added: 'Member added',
      member_updated: 'Member changed',
      member_removed: 'Member removed',
      unmask: 'Shown in full',
      export: 'Exported',
    },
    ImportStatus: {
      queued: 'Queued',
      counting: 'Counting rows',
      running: 'Importing',
      completed: 'Completed',
      failed: 'Failed',
    },
    FileFormat: { xlsx: 'Excel workbook', csv: 'CSV text' },
    Role: {
      county_admin: 'County administrator',
      poverty_office: 'Poverty-office staff',
      department_staff: 'Department staff',
      township_staff: 'Township staff',
      village_staff: 'Village staff',
      assistance_cadre: 'Assistance cadre',
      auditor: 'Read-only auditor',
    },
    Module: {
      registry: 'Registry',
      assistance: 'Assistance',
      funds: 'Projects and funds',
      support: 'Education and health',
      assessment: 'Assessment',
      matching: 'Data matching',
      users: 'Users',
      audit: 'Audit log',
    },
    Right: {
      read: 'Read',
      write: 'Write',
      approve: 'Approve',
      unmask: 'Unmask personal data',
      export: 'Export',
    },
    AuditAction: {
      unmask: 'Unmasked',
      export: 'Exported',
      login: 'Signed in',
      login_failed: 'Sign-in failed',
      account_locked: 'Account locked',
      permission_change: 'Rights changed',
    },
    SubjectType: { user: 'User', household: 'Household', import: 'Import' },
    AuditActor: { bootstrap: 'System set-up' },
    AuditReason: {
      user_created: 'User created',
      password_reset: 'Password reset',
      account_unlocked: 'Account unlocked',
      first_administrator: 'First administrator',
      unknown_username: 'Unknown username',
      account_locked: 'Account locked',
      wrong_password: 'Wrong password',
      too_many_wrong_passwords: 'Too many wrong passwords',
      account_disabled: 'Account disabled',
    },
    Service: {
      gateway: 'Gateway',
      registry: 'Registry',
      assistance: 'Assistance',
      funds: 'Projects and funds',
      support: 'Education and health',
      matching: 'Data matching',
      assessment: 'Assessment',
    },
  },
};

/** English — react-admin's own messages from ra-language-english, and the console's. */
export const en = mergeMessages(
  { ...englishMessages, ...app },
  ...MODULE_MESSAGES.map((m) => m.en),
);

export default en;
