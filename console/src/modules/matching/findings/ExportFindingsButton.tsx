import { useListContext } from 'react-admin';
import { DownloadButton } from '../../../common/DownloadButton';
import { useCalls } from '../../calls';

/** 导出比对问题 — the findings of the current filter as XLSX (masked evidence; audited). */
export function ExportFindingsButton() {
  const { filterValues } = useListContext();
  const calls = useCalls();
  return (
    <DownloadButton
      needs={{ module: 'matching', right: 'export' }}
      label="resources.matching-findings.export"
      size="small"
      download={() => calls.matchingFindingsExport(filterValues ?? {})}
    />
  );
}
