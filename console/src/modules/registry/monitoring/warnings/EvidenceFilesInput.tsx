import AttachFileIcon from '@mui/icons-material/AttachFile';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import FormHelperText from '@mui/material/FormHelperText';
import Typography from '@mui/material/Typography';
import { useRef, useState } from 'react';
import { Button, useInput, useNotify, useTranslate } from 'react-admin';
import { useNotifyProblem } from '../../../../providers/problem';
import { useCalls } from '../../../calls';
import type { WarningEvidenceFile } from '../monitoring.api';

const l = (k: string) => `resources.monitoring-warnings.evidence_files.${k}`;

/** The evidence entries a decision sends for the files uploaded in its dialog. */
export const fileEntries = (v: unknown): string[] =>
  Array.isArray(v) ? (v as WarningEvidenceFile[]).map((f) => `file:${f.id}`) : [];

/**
 * 上传佐证材料 — each photo or document chosen is uploaded for the warning at once (JPEG, PNG or
 * PDF); the form keeps what the API answered, and the decision names them as `file:<id>`.
 */
export function EvidenceFilesInput({ warningId, source }: { warningId: string; source: string }) {
  const calls = useCalls();
  const translate = useTranslate();
  const notify = useNotify();
  const notifyProblem = useNotifyProblem();
  const { field } = useInput({ source, defaultValue: [] });
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const files = (Array.isArray(field.value) ? field.value : []) as WarningEvidenceFile[];
  const upload = async (chosen: FileList) => {
    setBusy(true);
    const added: WarningEvidenceFile[] = [];
    try {
      for (const file of Array.from(chosen)) {
        added.push(await calls.monitoringWarningEvidenceUpload(warningId, file));
        notify(l('uploaded'), { type: 'info', messageArgs: { name: file.name } });
      }
    } catch (e) {
      notifyProblem(e);
    } finally {
      if (added.length) field.onChange([...files, ...added]);
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };
  return (
    <Box sx={{ my: 1 }}>
      <Typography variant="subtitle2">{translate(l('label'))}</Typography>
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', my: 1 }} data-testid="evidence-files">
        {files.map((f) => (
          <Chip
            key={f.id}
            label={f.name}
            onDelete={() => field.onChange(files.filter((x) => x.id !== f.id))}
          />
        ))}
      </Box>
      <input
        ref={input}
        type="file"
        name="evidenceFile"
        accept="image/jpeg,image/png,application/pdf"
        multiple
        hidden
        onChange={(e) => {
          if (e.target.files?.length) void upload(e.target.files);
        }}
      />
      <Button label={l('choose')} disabled={busy} onClick={() => input.current?.click()}>
        <AttachFileIcon />
      </Button>
      <FormHelperText>{translate(l('hint'))}</FormHelperText>
    </Box>
  );
}
