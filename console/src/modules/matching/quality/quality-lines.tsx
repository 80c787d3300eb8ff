import { useTranslate } from 'react-admin';
import { Link } from 'react-router';
import type { MatchingRule, RuleQuality } from '../matching.api';
import type { QualityLine } from './QualityTable';

type ListType = RuleQuality['byListType'][number]['listType'];

/** The list types that drive a rule (none for the registry's own checks). */
const typesOf = (rule: MatchingRule): ListType[] =>
  rule.listTypes ?? (rule.listType ? [rule.listType] : []);

/**
 * The lines of the three tables, named in the user's language: a rule with the list types
 * that drive it (the rule table) and their departments, a list type with its department, a
 * list with its date and version. A department is the one the service names for the type.
 */
export function useQualityLines(data: RuleQuality, rules: MatchingRule[] | undefined) {
  const translate = useTranslate();
  const t = (k: string, o?: object) => translate(`matching.quality.${k}`, o);
  const typeLabel = (type: ListType) => translate(`enums.MatchingListType.${type}`);
  const departments = new Map(data.byListType.map((r) => [r.listType, r.department]));
  const departmentLabel = (code: string) =>
    code === 'other' ? t('department_other') : translate(`enums.Department.${code}`, { _: code });
  const departmentsOf = (types: ListType[]) => {
    const codes = [...new Set(types.map((type) => departments.get(type)).filter((d) => d))];
    return codes.length ? codes.map((c) => departmentLabel(c!)).join('、') : '—';
  };
  const ruleTable = new Map((rules ?? []).map((r) => [r.code, r]));

  const byRule: QualityLine[] = data.byRule.map((r) => {
    const rule = ruleTable.get(r.rule);
    const types = rule ? typesOf(rule) : [];
    return {
      key: r.rule,
      names: [
        translate(`enums.MatchingRule.${r.rule}`, { _: r.rule }),
        !rule ? '—' : types.length ? types.map(typeLabel).join('、') : t('registry_data'),
        departmentsOf(types),
      ],
      row: r,
    };
  });
  const byListType: QualityLine[] = data.byListType.map((r) => ({
    key: r.listType,
    names: [typeLabel(r.listType), departmentLabel(r.department)],
    row: r,
  }));
  const byList: QualityLine[] = data.byList.map((r) => ({
    key: r.listId,
    names: [
      <Link key="list" to={`/department-lists/${encodeURIComponent(r.listId)}/show`}>
        {t('list_name', { type: typeLabel(r.listType), date: r.listDate, version: r.listVersion })}
      </Link>,
      departmentsOf([r.listType]),
    ],
    row: r,
  }));
  return { byRule, byListType, byList };
}
