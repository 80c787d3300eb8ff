/**
 * The demo seeder's HTTP client: everything goes through the gateway's public API, signed in
 * as the demo users, exactly as the console does. Sessions sign in again when their access
 * token expires; the gateway's sign-in rate limit (429) is waited out.
 */

export interface ApiResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export class ApiError extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    readonly text: string,
  ) {
    super(`${method} ${path} → ${status}: ${text.slice(0, 500)}`);
    this.name = 'ApiError';
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface RequestOptions {
  json?: unknown;
  /** A raw body (a CSV file) with its content type. */
  body?: string | Buffer;
  contentType?: string;
  query?: Record<string, string>;
  /** Statuses that are answers, not errors (e.g. 409 when the thing exists already). */
  accept?: number[];
}

export class Gateway {
  constructor(
    readonly baseUrl: string,
    private readonly timeoutMs = 120_000,
  ) {}

  /** One request; a 429 is retried after the time the gateway asks for, a passing 503 shortly. */
  async request<T = unknown>(
    method: string,
    path: string,
    opts: RequestOptions & { token?: string } = {},
  ): Promise<ApiResponse<T>> {
    const url = new URL(path, this.baseUrl);
    for (const [k, v] of Object.entries(opts.query ?? {})) url.searchParams.set(k, v);
    for (let attempt = 1; ; attempt++) {
      const headers: Record<string, string> = { accept: 'application/json' };
      if (opts.token) headers.authorization = `Bearer ${opts.token}`;
      let body: string | Buffer | undefined;
      if (opts.json !== undefined) {
        headers['content-type'] = 'application/json';
        body = JSON.stringify(opts.json);
      } else if (opts.body !== undefined) {
        headers['content-type'] = opts.contentType ?? 'application/octet-stream';
        body = opts.body;
      }
      const res = await fetch(url, {
        method,
        headers,
        ...(body !== undefined ? { body: new Uint8Array(Buffer.from(body)) } : {}),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      const text = await res.text();
      if (res.status === 429 && attempt < 20) {
        const wait = Number(res.headers.get('retry-after') ?? '5');
        await sleep(Math.min(Math.max(wait, 1), 60) * 1000);
        continue;
      }
      // A moment's 503 is asked again, as a clerk would: any read, and any request refused
      // before it was handled (the sign-in check could not reach its store).
      const refusedUnhandled = method === 'GET' || text.includes('AUTH_REVOCATION_UNAVAILABLE');
      if (res.status === 503 && refusedUnhandled && attempt < 6) {
        await sleep(attempt * 1000);
        continue;
      }
      let parsed: unknown = undefined;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        parsed = undefined;
      }
      if (res.status >= 400 && !(opts.accept ?? []).includes(res.status))
        throw new ApiError(method, path, res.status, text);
      return { status: res.status, headers: res.headers, body: parsed as T, text };
    }
  }

  /**
   * Answers 200 on the given path (a service reachable through the gateway); a service's
   * OpenAPI document is read with a token.
   */
  async answers(path: string, token?: string): Promise<boolean> {
    try {
      const res = await fetch(new URL(path, this.baseUrl), {
        headers: token ? { authorization: `Bearer ${token}` } : {},
        signal: AbortSignal.timeout(5000),
      });
      await res.arrayBuffer();
      return res.ok;
    } catch {
      return false;
    }
  }

  /** Changes a password (initial → chosen); 204 on success. */
  async changePassword(username: string, currentPassword: string, newPassword: string) {
    await this.request('POST', '/auth/password', {
      json: { username, currentPassword, newPassword },
    });
  }

  async signIn(username: string, password: string): Promise<Session> {
    const session = new Session(this, username, password);
    await session.token();
    return session;
  }
}

/** The most records a list answers at once. */
const LIST_PAGE = 500;

/** A signed-in user; signs in again when the access token has expired or was refused. */
export class Session {
  private accessToken: string | undefined;
  private expiresAt = 0;

  constructor(
    readonly gateway: Gateway,
    readonly username: string,
    private readonly password: string,
  ) {}

  async token(force = false): Promise<string> {
    if (!force && this.accessToken && Date.now() < this.expiresAt) return this.accessToken;
    const res = await this.gateway.request<{ accessToken: string; expiresIn: number }>(
      'POST',
      '/auth/login',
      { json: { username: this.username, password: this.password } },
    );
    this.accessToken = res.body.accessToken;
    // A minute of margin: a long import poll never runs into the expiry.
    this.expiresAt = Date.now() + Math.max(res.body.expiresIn - 60, 30) * 1000;
    return this.accessToken;
  }

  async request<T = unknown>(
    method: string,
    path: string,
    opts: RequestOptions = {},
  ): Promise<ApiResponse<T>> {
    try {
      return await this.gateway.request<T>(method, path, { ...opts, token: await this.token() });
    } catch (err) {
      if (!(err instanceof ApiError) || err.status !== 401) throw err;
      return this.gateway.request<T>(method, path, { ...opts, token: await this.token(true) });
    }
  }

  get<T = unknown>(path: string, query?: Record<string, string>) {
    return this.request<T>('GET', path, query ? { query } : {});
  }

  /**
   * The first `limit` records of a list in its order (all of them by default), read a page of
   * LIST_PAGE at a time.
   */
  async list<T>(
    path: string,
    opts: { sort: [string, 'ASC' | 'DESC']; filter?: Record<string, unknown>; limit?: number },
  ): Promise<T[]> {
    const out: T[] = [];
    const limit = opts.limit ?? Number.POSITIVE_INFINITY;
    for (let from = 0; out.length < limit; from += LIST_PAGE) {
      const to = Math.min(from + LIST_PAGE, limit) - 1;
      const page = await this.get<T[]>(path, {
        range: `[${from},${to}]`,
        sort: JSON.stringify(opts.sort),
        filter: JSON.stringify(opts.filter ?? {}),
      });
      out.push(...page.body);
      if (page.body.length < to - from + 1) break;
    }
    return out;
  }

  /** The total of a react-admin list (its Content-Range header). */
  async count(path: string, filter: Record<string, unknown> = {}): Promise<number> {
    const res = await this.request('GET', path, {
      query: { range: '[0,0]', filter: JSON.stringify(filter) },
    });
    const total = /\/(\d+)$/.exec(res.headers.get('content-range') ?? '')?.[1];
    return Number(total ?? 0);
  }
}

/** Runs `fn` over the items with at most `limit` at a time. */
export async function inParallel<T>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      await fn(items[i]!, i);
    }
  });
  await Promise.all(workers);
}
