import { z } from 'zod';
import { type AppError, parseListQuery, zmsg } from '../src';

// The tour of issue 20 found a filter error whose English message held the Chinese text joined by
// ␞, and an unknown filter key told in Chinese only as a generic 筛选值无效.

const filter = z.object({
  areaCode: z
    .string()
    .regex(/^\d{12}$/, zmsg('须为12位数字的地区代码', 'must be a 12-digit area code')),
  year: z.coerce.number().int().optional(),
});
const opts = { sortable: ['id'], defaultSort: ['id', 'ASC'] as [string, 'ASC' | 'DESC'], filter };

function refusal(query: Record<string, string>): AppError {
  try {
    parseListQuery(query, opts);
  } catch (e) {
    return e as AppError;
  }
  throw new Error('the filter was accepted');
}

test('a custom filter message is split into its Chinese and English halves', () => {
  const err = refusal({ filter: JSON.stringify({ areaCode: 'x' }) });
  expect(err.code).toBe('LIST_FILTER_INVALID');
  expect(err.errors).toEqual([
    {
      field: 'filter.areaCode',
      code: 'invalid_format',
      message: { 'zh-CN': '须为12位数字的地区代码', en: 'must be a 12-digit area code' },
    },
  ]);
});

test('an unknown filter key is named in both languages, and no message holds the separator', () => {
  const err = refusal({ filter: JSON.stringify({ areaCode: '530000000000', colour: 'red' }) });
  const [e] = err.errors;
  expect(e!.message['zh-CN']).toContain('colour');
  expect(e!.message.en).toContain('colour');
  for (const x of err.errors) {
    expect(x.message['zh-CN']).not.toContain('\u241e');
    expect(x.message.en).not.toContain('\u241e');
    expect(x.message.en).not.toMatch(/[\u4e00-\u9fff]/);
  }
});
