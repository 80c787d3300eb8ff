import { useGetOne } from 'react-admin';

/** An area's name for a code (the code itself while it loads or when out of scope). */
export function AreaName({ code }: { code: string }) {
  const { data } = useGetOne<{ id: string; name: string }>(
    'areas',
    { id: code },
    { retry: false, staleTime: 5 * 60_000 },
  );
  return <span title={code}>{data?.name ?? code}</span>;
}
