import { Writable } from 'node:stream';
import { createLogger, redact } from '../src';

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _enc, cb) {
      lines.push(chunk.toString());
      cb();
    },
  });
  return { lines, logger: createLogger({ name: 't', level: 'info', destination }) };
}

test('personal fields and personal-looking values are masked in every log line', () => {
  const { lines, logger } = capture();
  logger.info(
    {
      member: {
        name: '张三',
        idNumber: '11010519491231002X',
        phone: '13812345678',
        bankAccount: '6222020200112233445',
      },
      headers: { authorization: 'Bearer abc.def.ghi' },
      note: 'called 13912345678 about 11010519491231002X',
    },
    'visited household of 11010519491231002X',
  );
  logger.warn({ err: new Error('duplicate id 11010519491231002X') }, 'failed');
  const text = lines.join('\n');
  expect(text).not.toMatch(
    /11010519491231002X|13812345678|13912345678|6222020200112233445|abc\.def\.ghi/,
  );
  expect(text).toContain('1101**********002X');
  expect(text).toContain('139****5678');
  expect(text).toContain('张三');
});

test('redact keeps structure and non-personal values', () => {
  expect(redact({ a: 1, list: [{ password: 'p', ok: true }], when: 'x' })).toEqual({
    a: 1,
    list: [{ password: '[redacted]', ok: true }],
    when: 'x',
  });
});
