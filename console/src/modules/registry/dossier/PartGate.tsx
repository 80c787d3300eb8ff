import Alert from '@mui/material/Alert';
import type { ReactNode } from 'react';
import { pick } from '../../../providers/problem';
import type { DossierPartName, OkPart, PartView } from './dossier.api';

/**
 * A part of the dossier in its tab: left out, the reason the gateway gave (info when the user may
 * not read it or the service holds nothing of the household, a warning when the service did not
 * answer); answered, its sections, under a warning when its view of the registry is behind.
 */
export function PartGate<N extends DossierPartName>({
  part,
  children,
}: {
  part: PartView<N> | undefined;
  children: (part: OkPart<N>) => ReactNode;
}) {
  if (!part) return null;
  if (part.status !== 'ok') {
    return (
      <Alert
        severity={part.status === 'unavailable' ? 'warning' : 'info'}
        sx={{ my: 2 }}
        data-testid={`dossier-left-out-${part.part}`}
      >
        {pick(part.message)}
      </Alert>
    );
  }
  return (
    <>
      {part.behind ? (
        <Alert severity="warning" sx={{ my: 2 }} data-testid={`dossier-behind-${part.part}`}>
          {pick(part.behind.message)}
        </Alert>
      ) : null}
      {children(part)}
    </>
  );
}
