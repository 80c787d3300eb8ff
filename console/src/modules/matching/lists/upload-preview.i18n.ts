import type { SameKeys } from '../../../i18n/types';

/** The upload's preview (`matching.preview.*`): the first rows as the service reads them. */
export const previewZh = {
  title: '文件预览（前几行，按系统读取的结果）',
  row: '行号',
  header_row: '表头所在行',
  header_auto: '自动识别（第 %{row} 行）',
  header_auto_none: '自动识别（未找到身份证号表头）',
  header_pick: '第 %{row} 行',
  header_band: '表头：第 %{from}–%{to} 行，数据从第 %{next} 行开始',
  id_found: '身份证号列：%{column} · %{header}',
  loading: '正在读取预览…',
  failed: '预览失败：%{message}',
};

export const previewEn: SameKeys<typeof previewZh> = {
  title: 'Preview (the first rows, as the service reads them)',
  row: 'Row',
  header_row: 'Header row',
  header_auto: 'Found automatically (row %{row})',
  header_auto_none: 'Found automatically (no ID-number header found)',
  header_pick: 'Row %{row}',
  header_band: 'Header: rows %{from}–%{to}; data starts at row %{next}',
  id_found: 'ID-number column: %{column} · %{header}',
  loading: 'Reading the preview…',
  failed: 'Preview failed: %{message}',
};
