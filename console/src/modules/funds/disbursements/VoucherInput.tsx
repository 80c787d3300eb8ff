import AttachFileIcon from '@mui/icons-material/AttachFile';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import FormHelperText from '@mui/material/FormHelperText';
import Typography from '@mui/material/Typography';
import { useRef, useState } from 'react';
import { Button, useInput, useNotify, useTranslate, type Validator } from 'react-admin';
import { useNotifyProblem } from '../../../providers/problem';
import { useCalls } from '../../calls';

const atLeastOne: Validator = (v: unknown) =>
  Array.isArray(v) && v.length > 0 ? undefined : 'resources.disbursements.voucher.required';

/**
 * 报账凭证 — each file chosen is uploaded at once (the API answers its id and SHA-256); the
 * form keeps the ids (`voucherFileIds`) the payment is submitted with.
 */
export function VoucherInput({
  source,
  purpose = 'voucher',
  optional = false,
  label = 'resources.disbursements.fields.vouchers',
  hint = 'resources.disbursements.voucher.hint',
}: {
  source: string;
  /** What the files are kept as: payment vouchers, or e.g. the photos of a progress report. */
  purpose?: 'voucher' | 'photo';
  /** Files that may be left out (a notice's photos); vouchers are required. */
  optional?: boolean;
  /** The heading and the hint under the button (message keys). */
  label?: string;
  hint?: string;
}) {
  const calls = useCalls();
  const translate = useTranslate();
  const notify = useNotify();
  const notifyProblem = useNotifyProblem();
  const { field, fieldState } = useInput({
    source,
    ...(optional ? {} : { validate: atLeastOne }),
    defaultValue: [],
  });
  const [names, setNames] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const ids = (Array.isArray(field.value) ? field.value : []) as string[];
  const upload = async (files: FileList) => {
    setBusy(true);
    try {
      const added: string[] = [];
      for (const file of Array.from(files)) {
        const stored = await calls.fundsUpload(file, purpose);
        added.push(stored.id);
        setNames((n) => ({ ...n, [stored.id]: stored.fileName ?? file.name }));
        notify(translate('resources.disbursements.voucher.uploaded', { name: file.name }), {
          type: 'info',
        });
      }
      field.onChange([...ids, ...added]);
    } catch (e) {
      notifyProblem(e);
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };
  const error = fieldState.error?.message;
  return (
    <Box sx={{ my: 1 }}>
      <Typography variant="subtitle2">
        {translate(label)}
        {optional ? '' : ' *'}
      </Typography>
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', my: 1 }} data-testid="vouchers">
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
        name="voucherFile"
        multiple
        hidden
        onChange={(e) => {
          if (e.target.files?.length) void upload(e.target.files);
        }}
      />
      <Button
        label="resources.disbursements.voucher.choose"
        disabled={busy}
        onClick={() => input.current?.click()}
      >
        <AttachFileIcon />
      </Button>
      <FormHelperText error={Boolean(error && fieldState.isTouched)}>
        {error && fieldState.isTouched ? translate(error) : translate(hint)}
      </FormHelperText>
    </Box>
  );
}
