import AttachFileIcon from '@mui/icons-material/AttachFile';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import FormHelperText from '@mui/material/FormHelperText';
import Typography from '@mui/material/Typography';
import { useRef, useState } from 'react';
import { Button, useInput, useTranslate } from 'react-admin';
import { useNotifyProblem } from '../../../providers/problem';
import { useCalls } from '../../calls';

/**
 * 督查照片 / 整改材料 — each file chosen is uploaded at once (filed under `areaCode`); the form
 * keeps the ids the record is saved with.
 */
export function InspectionFilesInput({
  source,
  label,
  areaCode,
}: {
  source: string;
  label: string;
  areaCode?: string;
}) {
  const calls = useCalls();
  const translate = useTranslate();
  const notifyProblem = useNotifyProblem();
  const { field } = useInput({ source, defaultValue: [] });
  const [names, setNames] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const ids = (Array.isArray(field.value) ? field.value : []) as string[];
  const upload = async (files: FileList) => {
    setBusy(true);
    try {
      const added: string[] = [];
      for (const file of Array.from(files)) {
        const stored = await calls.assessmentUploadInspectionFile(file, areaCode);
        added.push(stored.id);
        setNames((n) => ({ ...n, [stored.id]: stored.fileName }));
      }
      field.onChange([...ids, ...added]);
    } catch (e) {
      notifyProblem(e);
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };
  return (
    <Box sx={{ my: 1 }}>
      <Typography variant="subtitle2">{translate(label)}</Typography>
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', my: 1 }} data-testid="inspection-files">
        {ids.map((id) => (
          <Chip
            key={id}
            label={names[id] ?? id}
            onDelete={() => field.onChange(ids.filter((x) => x !== id))}
          />
        ))}
      </Box>
      <input
        ref={input}
        type="file"
        name="inspectionFile"
        multiple
        hidden
        onChange={(e) => {
          if (e.target.files?.length) void upload(e.target.files);
        }}
      />
      <Button
        label="assessment.inspections.choose_files"
        disabled={busy}
        onClick={() => input.current?.click()}
      >
        <AttachFileIcon />
      </Button>
      <FormHelperText>{translate('assessment.inspections.files_hint')}</FormHelperText>
    </Box>
  );
}
