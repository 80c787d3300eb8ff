import type { SameKeys } from '../../../i18n/types';

/** 保留期限 on a department list's page (`resources.department-lists.retention.*`). */
export const retentionZh = {
  heading: '保留期限',
  due: '名单明细保留至 %{day}：届时未形成未办结比对问题的行将被删除，比对问题保留其脱敏依据。',
  deleted:
    '名单明细已于 %{at} 按保留期限删除：保留 %{kept} 行（对应未办结的比对问题），删除 %{deleted} 行。此名单不能再作为比对依据，请上传新版本。',
  none: '此名单未保存明细。',
};

export const retentionEn: SameKeys<typeof retentionZh> = {
  heading: 'Retention',
  due: "The list's rows are kept until %{day}: then the rows that led to no open finding are deleted; findings keep their masked evidence.",
  deleted:
    "The list's rows were deleted at the end of the retention period on %{at}: %{kept} rows kept (behind open findings), %{deleted} deleted. The list can no longer be matched; upload a new version.",
  none: 'This list stores no rows.',
};
