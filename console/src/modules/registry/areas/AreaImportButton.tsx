import UploadFileIcon from '@mui/icons-material/UploadFile';
import Alert from '@mui/material/Alert';
import { required, useCanAccess, useTranslate } from 'react-admin';
import { FormDialogButton } from '../../../common/FormDialogButton';
import { RowRejectionTable } from '../../../common/imports/RowRejectionTable';
import { FileChooserInput } from '../../../common/inputs';
import { useCalls } from '../../calls';
import type { AreaImportReport as Report } from '../registry.api';

/** What an area import stored, and every rejected row with its column and reason. */
function AreaImportResult({ report }: { report: Report }) {
  const translate = useTranslate();
  return (
    <>
      <Alert severity={report.rejected ? 'warning' : 'success'} sx={{ mt: 2 }}>
        {translate('resources.areas.import.done', {
          created: report.areas.created + report.groups.created,
          updated: report.areas.updated + report.groups.updated,
          unchanged: report.areas.unchanged + report.groups.unchanged,
          rejected: report.rejected,
        })}
      </Alert>
      <RowRejectionTable rejections={report.rejections} label="resources.areas.import.rejected" />
    </>
  );
}

/** 导入区划 — uploads the area tree (CSV or XLSX) and shows what was stored and every rejected row. */
export function AreaImportButton() {
  const translate = useTranslate();
  const calls = useCalls();
  const { canAccess } = useCanAccess({ resource: 'areas', action: 'create' });
  if (!canAccess) return null;
  return (
    <FormDialogButton<Report>
      label="resources.areas.import.button"
      title="resources.areas.import.title"
      icon={<UploadFileIcon />}
      hint={translate('resources.areas.import.hint')}
      maxWidth="md"
      submitLabel="resources.areas.import.button"
      submitIcon={<UploadFileIcon />}
      onSubmit={(v) => calls.registryAreaImport(v.file as File)}
      result={(report) => <AreaImportResult report={report} />}
    >
      <FileChooserInput
        source="file"
        label="resources.areas.import.choose"
        accept=".csv,.xlsx"
        validate={required()}
      />
    </FormDialogButton>
  );
}
