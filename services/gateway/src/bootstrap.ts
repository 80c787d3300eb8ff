import { AppError } from '@fupin/kit';
import { createGateway } from './gateway';
import { openGatewayRuntime } from './startup';

/**
 * One-time command: creates the first county administrator and prints its random initial
 * password (to be changed at first sign-in). Refuses when an administrator exists.
 *   npm run gateway:bootstrap -- [username] [area code] [display name]
 */
async function bootstrap(): Promise<number> {
  const [username = 'admin', areaCodeArg, displayName = '系统管理员'] = process.argv.slice(2);
  const { keys, config, rt } = await openGatewayRuntime({ LOG_LEVEL: 'warn', ...process.env });
  try {
    const gateway = await createGateway(rt, config, keys, { consume: false });
    const { user, initialPassword } = await gateway.users.bootstrapAdmin({
      username,
      displayName,
      areaCode: areaCodeArg ?? config.COUNTY_AREA_CODE,
    });
    await gateway.relay.drain();
    process.stdout.write(
      `administrator created / 已创建系统管理员\n` +
        `  username / 用户名: ${user.username}\n` +
        `  area / 管辖范围:   ${user.areaCode}\n` +
        `  initial password / 初始密码: ${initialPassword}\n` +
        `The password must be changed at first sign-in (POST /auth/password).\n`,
    );
    return 0;
  } catch (err) {
    if (err instanceof AppError) {
      process.stderr.write(`${err.code}: ${err.messages['zh-CN']} / ${err.messages.en}\n`);
      return 1;
    }
    throw err;
  } finally {
    await rt.shutdown.run('bootstrap done');
  }
}

bootstrap().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`bootstrap failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
