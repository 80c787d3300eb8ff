import { NumberInput, TextInput, maxLength, minLength, required } from 'react-admin';

/** The votes of a 村民主评议 (民主评议): for, against and, when counted, abstaining. */
export interface Votes {
  for: number;
  against: number;
  abstain?: number;
}

/** A multi-line field as its non-empty lines (evidence is one document a line). */
export const lines = (v: unknown): string[] =>
  String(v ?? '')
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);

/** The votes of a step's form, only when both for and against were counted. */
export function votesOf(v: Record<string, unknown>): { votes?: Votes } {
  const votes = v.votes as
    { for?: number | null; against?: number | null; abstain?: number | null } | undefined;
  return typeof votes?.for === 'number' && typeof votes.against === 'number'
    ? {
        votes: {
          for: votes.for,
          against: votes.against,
          ...(typeof votes.abstain === 'number' ? { abstain: votes.abstain } : {}),
        },
      }
    : {};
}

/** The votes a 民主评议 step asks for. */
export function VoteInputs() {
  return (
    <>
      <NumberInput source="votes.for" label="workflow.fields.votes_for" min={0} />
      <NumberInput source="votes.against" label="workflow.fields.votes_against" min={0} />
      <NumberInput source="votes.abstain" label="workflow.fields.votes_abstain" min={0} />
    </>
  );
}

/** The reason a registry decision takes (2 to 500 characters, as the service accepts). */
export function ReasonInput({ label = 'workflow.fields.reason' }: { label?: string }) {
  return (
    <TextInput
      source="reason"
      label={label}
      multiline
      minRows={2}
      fullWidth
      validate={[required(), minLength(2), maxLength(500)]}
    />
  );
}

/**
 * The opinion (办理意见) and the evidence every workflow step takes; a 补录 of an earlier
 * decision needs its document (`evidenceRequired`).
 */
export function OpinionInputs({ evidenceRequired = false }: { evidenceRequired?: boolean }) {
  return (
    <>
      <ReasonInput />
      <TextInput
        source="evidence"
        label="workflow.fields.evidence"
        multiline
        minRows={2}
        fullWidth
        validate={evidenceRequired ? required() : undefined}
      />
    </>
  );
}
