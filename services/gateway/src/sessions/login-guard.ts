import { AppError, bi } from '@fupin/kit';
import type { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

export interface LoginGuardOptions {
  redis: Redis;
  namespace: string;
  maxFailures: number;
  failureWindowSeconds: number;
  perIpPerMinute: number;
  perUserPerMinute: number;
}

/**
 * Counters in Redis, shared by every gateway instance: sign-in attempts per IP and per
 * username (rate limits), and wrong passwords per account within the window (the lock).
 */
export class LoginGuard {
  private readonly perIp: RateLimiterRedis;
  private readonly perUser: RateLimiterRedis;
  private readonly failures: RateLimiterRedis;

  constructor(opts: LoginGuardOptions) {
    const base = `${opts.namespace || 'fupin'}:login`;
    const common = { storeClient: opts.redis, useRedisPackage: false };
    this.perIp = new RateLimiterRedis({
      ...common,
      keyPrefix: `${base}:ip`,
      points: opts.perIpPerMinute,
      duration: 60,
    });
    this.perUser = new RateLimiterRedis({
      ...common,
      keyPrefix: `${base}:user`,
      points: opts.perUserPerMinute,
      duration: 60,
    });
    this.failures = new RateLimiterRedis({
      ...common,
      keyPrefix: `${base}:failures`,
      points: opts.maxFailures,
      duration: opts.failureWindowSeconds,
    });
  }

  /** Counts an attempt; refuses with 429 beyond the per-IP or per-username rate. */
  async attempt(ip: string, username: string): Promise<void> {
    for (const [limiter, key] of [
      [this.perIp, ip],
      [this.perUser, username],
    ] as const) {
      try {
        await limiter.consume(key);
      } catch (err) {
        if (!(err instanceof RateLimiterRes)) throw err;
        throw new AppError(
          429,
          'AUTH_LOGIN_RATE_LIMITED',
          bi('登录尝试过于频繁，请稍后再试', 'Too many sign-in attempts; try again later'),
          { extra: { retryAfterSeconds: Math.ceil(err.msBeforeNext / 1000) } },
        );
      }
    }
  }

  /** Records a wrong password; true when it is one too many and the account must lock. */
  async failed(userId: string): Promise<boolean> {
    try {
      await this.failures.consume(userId);
      return false;
    } catch (err) {
      if (err instanceof RateLimiterRes) return true;
      throw err;
    }
  }

  async clearFailures(userId: string): Promise<void> {
    await this.failures.delete(userId);
  }
}
