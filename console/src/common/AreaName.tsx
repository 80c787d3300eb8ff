import { useGetOne } from 'react-admin';

/** An area's name for a code (the code itself while it loads or when out of scope). */
export function useAreaName(code: string): string {
  const { data } = useGetOne<{ id: string; name: string }>(
    'areas',
    { id: code },
    { retry: false, staleTime: 5 * 60_000 },
  );
  return data?.name ?? code;
}

/** An area's name, its code in the tooltip. */
export function AreaName({ code }: { code: string }) {
  return <span title={code}>{useAreaName(code)}</span>;
}
