/** An import job is finished once it completed or failed; until then its pages keep polling. */
export const isImportFinished = (status: unknown) => status === 'completed' || status === 'failed';
