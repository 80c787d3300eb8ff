import AddPhotoAlternateIcon from '@mui/icons-material/AddPhotoAlternate';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useEffect, useRef, useState } from 'react';
import {
  Button,
  Labeled,
  useCanAccess,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { useNotifyProblem } from '../../../providers/problem';
import { useCalls } from '../../calls';
import type { Visit } from '../assistance.api';

/** One photo, fetched with the session's token. */
export function Photo({ url, name }: { url: string; name: string }) {
  const calls = useCalls();
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let href: string | null = null;
    let live = true;
    calls.assistancePhotoUrl(url).then(
      (h) => {
        href = h;
        if (live) setSrc(h);
        else URL.revokeObjectURL(h);
      },
      () => undefined,
    );
    return () => {
      live = false;
      if (href) URL.revokeObjectURL(href);
    };
  }, [url, calls]);
  return (
    <Box
      component="figure"
      sx={{
        m: 0,
        width: 160,
        height: 120,
        bgcolor: 'grey.100',
        borderRadius: 1,
        overflow: 'hidden',
      }}
    >
      {src ? (
        <img src={src} alt={name} style={{ width: '100%', height: '100%', objectFit: 'cover' }} />
      ) : null}
    </Box>
  );
}

/** The visit's photos, and an upload (JPEG, PNG or WebP; 9 at most) for a user who may write. */
export function VisitPhotos() {
  const calls = useCalls();
  const translate = useTranslate();
  const visit = useRecordContext<Visit>();
  const { canAccess } = useCanAccess({ resource: 'visits', action: 'create' });
  const notify = useNotify();
  const notifyProblem = useNotifyProblem();
  const refresh = useRefresh();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  if (!visit) return null;
  const upload = async (file: File) => {
    setBusy(true);
    try {
      await calls.assistanceAddPhoto(visit.id, file);
      notify('resources.visits.photo_added', { type: 'info' });
      refresh();
    } catch (e) {
      notifyProblem(e);
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };
  return (
    <Labeled label="resources.visits.fields.photos">
      <Box>
        {visit.photos.length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            {translate('resources.visits.no_photos')}
          </Typography>
        ) : (
          <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
            {visit.photos.map((p) => (
              <Photo key={p.id} url={p.url ?? ''} name={p.name ?? ''} />
            ))}
          </Box>
        )}
        {canAccess && visit.photos.length < 9 ? (
          <Box sx={{ mt: 1 }}>
            <input
              ref={input}
              type="file"
              name="visitPhoto"
              accept="image/jpeg,image/png,image/webp"
              hidden
              onChange={(e) => {
                const f = e.target.files?.[0];
                if (f) void upload(f);
              }}
            />
            <Button
              label="resources.visits.add_photo"
              disabled={busy}
              onClick={() => input.current?.click()}
            >
              <AddPhotoAlternateIcon />
            </Button>
            <Typography variant="caption" color="text.secondary" sx={{ ml: 1 }}>
              {translate('resources.visits.photo_hint')}
            </Typography>
          </Box>
        ) : null}
      </Box>
    </Labeled>
  );
}
