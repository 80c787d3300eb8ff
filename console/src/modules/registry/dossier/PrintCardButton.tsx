import { DownloadButton } from '../../../common/DownloadButton';
import { useCalls } from '../../calls';

/** 打印明白卡 — the household's policy card of this year, one page to post in its home. */
export function PrintCardButton({ id, householdNo }: { id: string; householdNo: string }) {
  const calls = useCalls();
  return (
    <DownloadButton
      needs={{ module: 'registry', right: 'read' }}
      label="dossier.card.print"
      download={() => calls.householdCardPdf(id, householdNo)}
      testId="dossier-print-card"
    />
  );
}
