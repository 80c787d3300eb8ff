import PersonIcon from '@mui/icons-material/Person';
import type { RaRecord } from 'react-admin';
import type { ResourcePages } from '../../types';

/**
 * 建档立卡人员 — the people of registered households as this service knows them; no pages of
 * its own, it is what the person pickers of the forms search.
 */
const persons: ResourcePages = {
  icon: PersonIcon,
  recordRepresentation: (r: RaRecord) => String(r.name),
};
export default persons;
