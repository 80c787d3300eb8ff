import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { Form, Title, usePermissions, useTranslate } from 'react-admin';
import { Spinner } from '../../../common/Spinner';
import type { Permissions } from '../../../providers/permissions';
import { AreaYearInputs, defaultsOf } from './AreaYearInputs';

/**
 * A page about one township's or village's year (受益底册核对, 一户一档核对, 截留预警): its title and
 * hint, the area and year pickers defaulting to the user's own area, what reads them inside the
 * form, and what follows it.
 */
export function AreaYearPage(props: {
  testId: string;
  /** The i18n prefix of `title` and `hint`. */
  messages: string;
  /** Inside the form: reads the pickers (useWatch). */
  children: ReactNode;
  /** Below the form. */
  after?: ReactNode;
}) {
  const translate = useTranslate();
  const { permissions, isPending } = usePermissions<Permissions>();
  if (isPending) return <Spinner />;
  return (
    <Card sx={{ mt: 2 }} data-testid={props.testId}>
      <Title title={`${props.messages}.title`} />
      <CardContent>
        <Typography variant="h6">{translate(`${props.messages}.title`)}</Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {translate(`${props.messages}.hint`)}
        </Typography>
        <Form defaultValues={defaultsOf(permissions)}>
          <AreaYearInputs />
          {props.children}
        </Form>
        {props.after}
      </CardContent>
    </Card>
  );
}
