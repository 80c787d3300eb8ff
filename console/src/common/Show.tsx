import {
  Show as RaShow,
  type ShowProps,
  useNotify,
  useRedirect,
  useResourceContext,
} from 'react-admin';

/**
 * react-admin's Show page, telling why a record could not be opened: the service's own message
 * (该记录不在您的管辖范围内 for a record of another township opened by its address, 不存在 when
 * it is gone) instead of a blanket 条目不存在, then back to the list.
 */
export function Show(props: ShowProps) {
  const notify = useNotify();
  const redirect = useRedirect();
  const resource = useResourceContext(props);
  return (
    <RaShow
      {...props}
      queryOptions={{
        ...props.queryOptions,
        onError: (error: unknown) => {
          const message = error instanceof Error && error.message ? error.message : null;
          notify(message ?? 'ra.notification.item_doesnt_exist', { type: 'error' });
          if (resource) redirect('list', resource);
        },
      }}
    />
  );
}
