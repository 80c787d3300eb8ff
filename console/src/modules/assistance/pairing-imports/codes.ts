/** Where the wizard's, the report's and the list's texts are. */
export const MESSAGES = 'resources.pairing-imports.wizard';
