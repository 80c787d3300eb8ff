import HandshakeIcon from '@mui/icons-material/Handshake';
import { lazy } from 'react';
import type { RaRecord } from 'react-admin';
import type { ResourcePages } from '../../types';

/** 结对帮扶 — a helper paired with a household (重点帮扶 or 联系), until ended with a reason. */
const pairings: ResourcePages = {
  list: lazy(() => import('./PairingList')),
  show: lazy(() => import('./PairingShow')),
  create: lazy(() => import('./PairingCreate')),
  icon: HandshakeIcon,
  recordRepresentation: (r: RaRecord) => `${String(r.householdNo)} · ${String(r.helperName)}`,
};
export default pairings;
