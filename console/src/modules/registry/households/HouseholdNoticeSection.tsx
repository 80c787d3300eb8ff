import CampaignIcon from '@mui/icons-material/Campaign';
import QuestionAnswerIcon from '@mui/icons-material/QuestionAnswer';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Divider from '@mui/material/Divider';
import Typography from '@mui/material/Typography';
import {
  BooleanInput,
  DateInput,
  TextInput,
  maxLength,
  minLength,
  required,
  useTranslate,
  type Validator,
} from 'react-admin';
import { FormDialogButton } from '../../../common/FormDialogButton';
import { formatDay } from '../../../common/format';
import { EnumInput } from '../../../common/inputs';
import { useCalls } from '../../calls';
import type { HouseholdNotice, NoticeChannel } from './clearance.api';
import type { HouseholdWorkflows } from './household.api';

const CHANNELS: NoticeChannel[] = ['in_person', 'phone', 'sms', 'letter', 'posted'];
const m = (key: string) => `clearance.notice.${key}`;

/** Today in Asia/Shanghai, as the registry counts days. */
const today = () => formatDay(new Date().toISOString());

/** A day told or answered is not after today (the registry refuses it too). */
const notAfterToday: Validator = (v: unknown) =>
  typeof v === 'string' && v > today() ? m('future') : undefined;

interface Props {
  householdId: string;
  revision: number;
  onChanged: (next: HouseholdWorkflows) => void;
}

/** 告知农户: the day (today unless told), the channel, the text (the generated one when empty). */
function GiveNoticeButton({ householdId, revision, onChanged }: Props) {
  const calls = useCalls();
  return (
    <FormDialogButton
      label={m('give')}
      title={m('give_title')}
      icon={<CampaignIcon />}
      variant="contained"
      record={{ givenOn: today(), channel: 'in_person' }}
      done={m('given_done')}
      alwaysEnable
      onSubmit={async (v) => {
        const text = typeof v.text === 'string' ? v.text.trim() : '';
        const next = await calls.householdGiveNotice(householdId, {
          givenOn: String(v.givenOn),
          channel: v.channel as NoticeChannel,
          ...(text ? { text } : {}),
          revision,
        });
        onChanged(next);
        return next;
      }}
    >
      <DateInput source="givenOn" label={m('given_on')} validate={[required(), notAfterToday]} />
      <EnumInput
        source="channel"
        label={m('channel')}
        name="NoticeChannel"
        codes={CHANNELS}
        validate={required()}
      />
      <TextInput
        source="text"
        label={m('text')}
        helperText={m('text_hint')}
        multiline
        minRows={3}
        fullWidth
        validate={[minLength(10), maxLength(2000)]}
      />
    </FormDialogButton>
  );
}

/** 登记答复: the day it came (not before the notice), whether it objects, and what it said. */
function RecordResponseButton({
  householdId,
  revision,
  onChanged,
  givenOn,
}: Props & { givenOn: string }) {
  const calls = useCalls();
  const notBeforeNotice: Validator = (v: unknown) =>
    typeof v === 'string' && v < givenOn ? m('before_notice') : undefined;
  return (
    <FormDialogButton
      label={m('answer')}
      title={m('answer_title')}
      icon={<QuestionAnswerIcon />}
      variant="outlined"
      record={{ receivedOn: today(), objects: false }}
      done={m('answered_done')}
      onSubmit={async (v) => {
        const next = await calls.householdRecordResponse(householdId, {
          receivedOn: String(v.receivedOn),
          objects: v.objects === true,
          text: String(v.text ?? '').trim(),
          revision,
        });
        onChanged(next);
        return next;
      }}
    >
      <DateInput
        source="receivedOn"
        label={m('received_on')}
        validate={[required(), notAfterToday, notBeforeNotice]}
      />
      <BooleanInput source="objects" label={m('objects')} helperText={m('objects_hint')} />
      <TextInput
        source="text"
        label={m('answer_text')}
        multiline
        minRows={3}
        fullWidth
        validate={[required(), minLength(2), maxLength(2000)]}
      />
    </FormDialogButton>
  );
}

/** What the household answered, or that it is still awaited or its window ended. */
function Answer({ notice }: { notice: HouseholdNotice }) {
  const translate = useTranslate();
  const r = notice.response;
  if (!r) {
    const lapsed = today() > notice.respondBy;
    return (
      <Chip
        size="small"
        color={lapsed ? 'default' : 'info'}
        variant="outlined"
        data-testid="household-answer-awaited"
        label={translate(m(lapsed ? 'lapsed' : 'waiting'), { date: notice.respondBy })}
      />
    );
  }
  return (
    <Box data-testid="household-answer">
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="body2">
          {translate(m('answered_on'), { date: formatDay(r.receivedOn) })}
        </Typography>
        <Chip
          size="small"
          color={r.objects ? 'error' : 'success'}
          label={translate(m(r.objects ? 'objects' : 'no_objection'))}
        />
      </Box>
      <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', mt: 0.5 }}>
        {r.text}
      </Typography>
    </Box>
  );
}

/**
 * 告知与答复 — a 清退 opened for another department's data: whether the household was told
 * (the day, how, the text, the day its window ends) and what it answered; the county approves
 * only once it answered or the window ended. Writers give the notice and record the answer.
 */
export function HouseholdNoticeSection(
  props: Props & { notice: HouseholdNotice | null | undefined; mayWrite: boolean },
) {
  const translate = useTranslate();
  const { notice, mayWrite } = props;
  return (
    <Box sx={{ mt: 2 }} data-testid="household-notice">
      <Divider sx={{ mb: 1 }} />
      <Typography variant="subtitle1">{translate(m('title'))}</Typography>
      <Typography variant="caption" color="text.secondary" component="div" sx={{ mb: 1 }}>
        {translate(m('hint'))}
      </Typography>
      {notice ? (
        <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1 }}>
          <Box
            sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}
            data-testid="household-notice-given"
          >
            <Typography variant="body2">
              {translate(m('given'), {
                date: formatDay(notice.givenOn),
                channel: translate(`enums.NoticeChannel.${notice.channel}`),
              })}
            </Typography>
            <Chip
              size="small"
              variant="outlined"
              label={translate(m('respond_by'), { date: notice.respondBy })}
            />
          </Box>
          <Typography
            variant="body2"
            color="text.secondary"
            sx={{ whiteSpace: 'pre-wrap', pl: 1, borderLeft: 2, borderColor: 'divider' }}
          >
            {notice.text}
          </Typography>
          <Answer notice={notice} />
          {mayWrite && !notice.response ? (
            <Box>
              <RecordResponseButton
                householdId={props.householdId}
                revision={props.revision}
                onChanged={props.onChanged}
                givenOn={notice.givenOn}
              />
            </Box>
          ) : null}
        </Box>
      ) : (
        <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
          <Typography variant="body2" color="warning.main">
            {translate(m('not_given'))}
          </Typography>
          {mayWrite ? (
            <GiveNoticeButton
              householdId={props.householdId}
              revision={props.revision}
              onChanged={props.onChanged}
            />
          ) : null}
        </Box>
      )}
    </Box>
  );
}
