import type { Gateway, Session } from './client';
import type { DemoCounty } from './county';

/** A demo user: one per user kind, signed in with the shared demo password. */
export interface DemoUser {
  username: string;
  displayName: string;
  roles: string[];
  areaCode: string;
  department?: string;
  /** What the console shows them first (printed with the logins). */
  note: string;
}

export interface SeedContext {
  county: DemoCounty;
  gateway: Gateway;
  /** The demo password every demo user signs in with. */
  password: string;
  /** A demo user's session (signed in on first use). */
  as(username: string): Promise<Session>;
  log(message: string): void;
  /**
   * Asks the seed to end no earlier than `at` (epoch ms): what a plugin planted shows only then
   * (a deadline a minute ahead becomes 逾期). The seed waits once, after every plugin, saying why.
   */
  notBefore(at: number, why: string): void;
}

/**
 * One service's part of the demo county. Plugins run in the order of plugins/index.ts; each
 * writes through the gateway's public API only, and is skipped when its service does not
 * answer yet (so a part can be added as soon as its service lands) or has its data already.
 */
export interface DemoPlugin {
  name: string;
  /** A path that answers 200 through the gateway when the service is up (asked with a token). */
  probe: string;
  /** Demo users the plugin needs besides the standard ones (the gateway plugin creates them). */
  users?(county: DemoCounty): DemoUser[];
  /** True when the service holds demo data already (the seed is then skipped). */
  isSeeded(ctx: SeedContext): Promise<boolean>;
  seed(ctx: SeedContext): Promise<void>;
}
