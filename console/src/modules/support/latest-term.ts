import { useApi } from '../../common/useApi';
import { useCalls } from '../calls';
import { currentTerm } from './support.api';

/**
 * The term a term-filtered list opens on: the one the 教育扶贫 card shows — the current term, or
 * when it has no enrollments yet the latest earlier term that has (a county's data entered up to
 * last term, or the demo's 2020, would otherwise open on an empty list). `undefined` while it loads.
 */
export function useLatestTerm(): string | undefined {
  const calls = useCalls();
  const { data, error, loading } = useApi(calls.supportEducationStatistics, []);
  if (loading) return undefined;
  return (!error && data?.term) || currentTerm();
}
