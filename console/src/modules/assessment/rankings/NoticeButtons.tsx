import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf';
import TableViewIcon from '@mui/icons-material/TableView';
import { Button, useRecordContext } from 'react-admin';
import { useNotifyProblem } from '../../../providers/problem';
import { useCalls } from '../../calls';
import type { Ranking } from '../codes';

/** 季度排名通报 — the notice of this version as PDF (printed) or XLSX. */
export function NoticeButtons() {
  const ranking = useRecordContext<Ranking>();
  const notifyProblem = useNotifyProblem();
  const calls = useCalls();
  if (!ranking) return null;
  const get = (format: 'pdf' | 'xlsx') =>
    calls.assessmentRankingNotice(ranking, format).catch(notifyProblem);
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
