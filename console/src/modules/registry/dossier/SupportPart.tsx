import Alert from '@mui/material/Alert';
import { pick } from '../../../providers/problem';
import type { SupportSections } from './dossier.api';
import { SupportEducation } from './SupportEducation';
import { SupportHealth } from './SupportHealth';

/**
 * 教育医疗 — the support part: its education half and its health half; department staff see their
 * own half, and are told what the other holds back.
 */
export function SupportPart({ sections }: { sections: SupportSections }) {
  return (
    <>
      {(sections.withheld ?? []).map((w, i) => (
        <Alert key={i} severity="info" sx={{ my: 2 }} data-testid="dossier-support-withheld">
          {pick(w.message)}
        </Alert>
      ))}
      <SupportEducation sections={sections} />
      <SupportHealth sections={sections} />
    </>
  );
}
