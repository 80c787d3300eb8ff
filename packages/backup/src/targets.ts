/**
 * The databases a backup covers: one per service, named as the services' config.ts default
 * them (MONGO_DB), or as BACKUP_DATABASES says (`registry=registry_prod,funds=funds_prod`).
 */
export const SERVICE_DATABASES: Record<string, string> = {
  registry: 'registry',
  assistance: 'assistance',
  funds: 'funds',
  support: 'support',
  matching: 'matching',
  assessment: 'assessment',
  gateway: 'gateway',
};

export interface DatabaseTarget {
  service: string;
  db: string;
}

export function databaseTargets(spec = process.env.BACKUP_DATABASES): DatabaseTarget[] {
  if (!spec) return Object.entries(SERVICE_DATABASES).map(([service, db]) => ({ service, db }));
  return spec
    .split(',')
    .map((pair) => pair.trim())
    .filter(Boolean)
    .map((pair) => {
      const [service, db] = pair.split('=');
      if (!service || !db) throw new Error(`BACKUP_DATABASES: "${pair}" is not service=database`);
      return { service, db };
    });
}
