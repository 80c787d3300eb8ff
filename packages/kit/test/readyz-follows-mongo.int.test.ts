import { createTestIssuer, eventually, getInfra, TcpProxy, uniqueDbName } from '@fupin/testing';
import request from 'supertest';
import {
  connectMongo,
  createLogger,
  createServiceApp,
  createTokenVerifier,
  mongoReadiness,
} from '../src';

test('/readyz answers 503 while Mongo is unreachable and 200 again when it is back', async () => {
  const { mongoUrl } = await getInfra();
  const proxy = TcpProxy.forUrl(mongoUrl.replace(/\?.*$/, ''));
  await proxy.start();
  const logger = createLogger({ name: 'kit-test', level: 'silent' });
  const conn = await connectMongo({
    url: `mongodb://127.0.0.1:${proxy.port}/?directConnection=true`,
    dbName: uniqueDbName(),
    logger,
    serverSelectionTimeoutMS: 1000,
  });
  const issuer = await createTestIssuer();
  const app = createServiceApp({
    name: 'kit-test',
    logger,
    readiness: [mongoReadiness(conn)],
    verifier: await createTokenVerifier({
      issuer: issuer.issuer,
      audience: issuer.audience,
      publicKeyPem: issuer.publicKeyPem,
    }),
    routes: () => undefined,
  });
  try {
    const ok = await request(app).get('/readyz');
    expect(ok.status).toBe(200);
    expect(ok.body.checks).toEqual([{ name: 'mongo', ok: true }]);

    await proxy.cut();
    const down = await request(app).get('/readyz');
    expect(down.status).toBe(503);
    expect(down.body.checks[0]).toMatchObject({ name: 'mongo', ok: false });
    // Liveness does not depend on Mongo: the process is fine, only not ready.
    expect((await request(app).get('/healthz')).status).toBe(200);

    await proxy.start();
    await eventually(async () => expect((await request(app).get('/readyz')).status).toBe(200), {
      timeoutMs: 30_000,
      intervalMs: 500,
    });
  } finally {
    await conn.close();
    await proxy.cut();
  }
});
