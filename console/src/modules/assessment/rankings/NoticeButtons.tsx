import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf';
import TableViewIcon from '@mui/icons-material/TableView';
import { Button, useRecordContext } from 'react-admin';
import { downloadFile } from '../../../providers/http';
import { useNotifyProblem } from '../../../providers/problem';
import type { Ranking } from '../codes';

/** 季度排名通报 — the notice of this version as PDF (printed) or XLSX. */
export function NoticeButtons() {
  const ranking = useRecordContext<Ranking>();
  const notifyProblem = useNotifyProblem();
  if (!ranking) return null;
  const get = (format: 'pdf' | 'xlsx') =>
    downloadFile(
      `/api/assessment/rankings/${encodeURIComponent(ranking.id)}/notice?format=${format}`,
      `${ranking.quarterKey}.${format}`,
    ).catch(notifyProblem);
  return (
    <>
      <Button label="assessment.notice.pdf" onClick={() => void get('pdf')}>
        <PictureAsPdfIcon />
      </Button>
      <Button label="assessment.notice.xlsx" onClick={() => void get('xlsx')}>
        <TableViewIcon />
      </Button>
    </>
  );
}
