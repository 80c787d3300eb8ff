import type { Db } from 'mongodb';

/**
 * Which MongoDB-wire server a benchmark ran on, for its printed figures: SecantusDB (the local
 * engine, deploy/local) says so in serverStatus.process and buildInfo.secantusVersion;
 * mongo-java-server (the engine before it) answers process "java"; a real server "mongod".
 */
export async function engineName(db: Db): Promise<string> {
  const admin = db.admin();
  const status = (await admin.command({ serverStatus: 1 })) as {
    version?: string;
    process?: string;
  };
  const build = (await admin.command({ buildInfo: 1 })) as { secantusVersion?: string };
  if (status.process === 'secantus')
    return `SecantusDB ${build.secantusVersion ?? '?'} (reports MongoDB ${status.version})`;
  if (status.process === 'java') return `mongo-java-server (reports MongoDB ${status.version})`;
  return `MongoDB ${status.version} (${status.process ?? 'unknown process'})`;
}
