import { pick } from '../../../providers/problem';
import type { Dossier, TimelineEntry } from './dossier.api';
import { type Column, RecordLink, SectionTable } from './SectionTable';

const columns: Column<TimelineEntry>[] = [
  { source: 'at', label: 'dossier.columns.at', format: 'datetime' },
  { source: 'part', label: 'dossier.timeline.part', format: { enum: 'DossierPart' } },
  {
    source: 'label',
    label: 'dossier.timeline.what',
    render: (e) =>
      e.ref ? (
        <RecordLink resource={e.ref.resource} id={e.ref.id}>
          {pick(e.label)}
        </RecordLink>
      ) : (
        pick(e.label)
      ),
  },
];

/** 时间轴 — everything that happened to the household across the parts, newest first. */
export function TimelineTab({ dossier }: { dossier: Dossier }) {
  return (
    <SectionTable
      rows={dossier.timeline}
      columns={columns}
      more={dossier.timelineOmitted}
      testId="dossier-timeline"
    />
  );
}
