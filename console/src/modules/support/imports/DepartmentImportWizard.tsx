import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { usePermissions, useTranslate } from 'react-admin';
import { ImportWizard } from '../../../common/imports/ImportWizard';
import type { Permissions } from '../../../providers/permissions';
import {
  currentTerm,
  IMPORT_KINDS,
  seesHalf,
  SUPPORT,
  termsSince,
  thisYear,
  yearsSince,
} from '../support.api';
import { useTermLabel } from '../SupportInputs';

const HALF_OF = { education_enrollment: 'education', health_insurance: 'health' } as const;
const MESSAGES = 'resources.support-imports.wizard';

/**
 * 导入部门名单 — the education department's enrollment list of a term, or the health
 * department's insurance list of a year (XLSX or CSV, the department's own file: no template).
 * ID numbers are hashed and masked on arrival; the reconciliation then runs as a job whose
 * page shows its progress and report.
 */
export default function DepartmentImportWizard() {
  const translate = useTranslate();
  const termLabel = useTermLabel();
  const { permissions } = usePermissions<Permissions>();
  const kinds = IMPORT_KINDS.filter((k) => seesHalf(permissions, HALF_OF[k]));
  const [kind, setKind] = useState<(typeof IMPORT_KINDS)[number] | ''>('');
  const [term, setTerm] = useState(currentTerm());
  const [year, setYear] = useState(thisYear());
  const chosen = kind || kinds[0] || '';
  const t = (k: string) => translate(`${MESSAGES}.${k}`);

  const uploadUrl = (file: File) => {
    const q = new URLSearchParams(
      chosen === 'education_enrollment'
        ? { term, fileName: file.name }
        : { year: String(year), fileName: file.name },
    );
    const path = chosen === 'education_enrollment' ? 'education-enrollment' : 'health-insurance';
    return `${SUPPORT}/imports/${path}?${q}`;
  };

  return (
    <ImportWizard
      messages={MESSAGES}
      uploadUrl={uploadUrl}
      resource="support-imports"
      ready={chosen !== ''}
    >
      <TextField
        select
        size="small"
        name="kind"
        label={t('kind')}
        value={chosen}
        onChange={(e) => setKind(e.target.value as (typeof IMPORT_KINDS)[number])}
      >
        {kinds.map((k) => (
          <MenuItem key={k} value={k}>
            {translate(`enums.SupportImportKind.${k}`)}
          </MenuItem>
        ))}
      </TextField>
      <Typography variant="body2">{chosen ? t(`${chosen}_hint`) : ''}</Typography>
      {chosen === 'education_enrollment' ? (
        <TextField
          select
          size="small"
          name="term"
          label={t('term')}
          value={term}
          onChange={(e) => setTerm(e.target.value)}
        >
          {termsSince(2014).map((x) => (
            <MenuItem key={x} value={x}>
              {termLabel(x)}
            </MenuItem>
          ))}
        </TextField>
      ) : (
        <TextField
          select
          size="small"
          name="year"
          label={t('year')}
          value={year}
          onChange={(e) => setYear(Number(e.target.value))}
        >
          {yearsSince(2014).map((y) => (
            <MenuItem key={y} value={y}>
              {y}
            </MenuItem>
          ))}
        </TextField>
      )}
    </ImportWizard>
  );
}
