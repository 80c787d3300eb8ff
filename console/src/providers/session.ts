import type { GatewayApi } from './api-types';
import { problemError } from './problem';

/** The tokens the gateway issues at sign-in and at every refresh. */
export type Tokens = GatewayApi.components['schemas']['Tokens'];

/** Rights per module, exactly as the access token carries them. */
export type Rights = GatewayApi.components['schemas']['Rights'];
export type Module = keyof Rights;
export type Right = NonNullable<Rights[Module]>[number];

/** What the console knows about the signed-in user: the access token's claims. */
export interface Claims {
  userId: string;
  username: string;
  roles: string[];
  department: string | null;
  /** 12-digit area code of the user's scope. */
  areaCode: string;
  rights: Rights;
  /** Seconds since the epoch. */
  expiresAt: number;
}

interface StoredSession {
  accessToken: string;
  refreshToken: string;
  /** Milliseconds since the epoch when the refresh token runs out. */
  refreshExpiresAt: number;
}

const KEY = 'fupin.session';

function decodeSegment(segment: string): unknown {
  const b64 = segment.replace(/-/g, '+').replace(/_/g, '/');
  const bytes = Uint8Array.from(atob(b64.padEnd(Math.ceil(b64.length / 4) * 4, '=')), (c) =>
    c.charCodeAt(0),
  );
  return JSON.parse(new TextDecoder().decode(bytes));
}

/**
 * Reads the claims of an access token without verifying it: the console only decides what
 * to show from them; every service verifies the signature before acting.
 */
export function claimsOf(accessToken: string): Claims | null {
  try {
    const p = decodeSegment(accessToken.split('.')[1] ?? '') as Record<string, unknown>;
    if (typeof p.sub !== 'string' || typeof p.area !== 'string') return null;
    return {
      userId: p.sub,
      username: typeof p.name === 'string' ? p.name : p.sub,
      roles: Array.isArray(p.roles)
        ? p.roles.filter((r): r is string => typeof r === 'string')
        : [],
      department: typeof p.dept === 'string' ? p.dept : null,
      areaCode: p.area,
      rights: (p.rights && typeof p.rights === 'object' ? p.rights : {}) as Rights,
      expiresAt: typeof p.exp === 'number' ? p.exp : 0,
    };
  } catch {
    return null;
  }
}

function read(): StoredSession | null {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return null;
    const s = JSON.parse(raw) as StoredSession;
    return typeof s.accessToken === 'string' && typeof s.refreshToken === 'string' ? s : null;
  } catch {
    return null;
  }
}

function write(tokens: Tokens): StoredSession {
  const s: StoredSession = {
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken,
    refreshExpiresAt: Date.now() + tokens.refreshExpiresIn * 1000,
  };
  localStorage.setItem(KEY, JSON.stringify(s));
  return s;
}

export class SessionExpired extends Error {
  constructor() {
    super('session expired');
    this.name = 'SessionExpired';
  }
}

async function postJson(path: string, body: unknown): Promise<Response> {
  return fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
  });
}

let inFlight: Promise<string> | null = null;

/**
 * The signed-in session: tokens kept in localStorage (so a reload or a second tab stays
 * signed in) and refreshed shortly before the access token runs out. Refresh tokens are
 * single-use and a reused one ends the whole session at the gateway, so one refresh runs
 * at a time: within a tab through one shared promise, across tabs through a Web Lock,
 * after which a tab that waited takes the token another tab already obtained.
 */
export const session = {
  claims(): Claims | null {
    const s = read();
    return s ? claimsOf(s.accessToken) : null;
  },

  isSignedIn(): boolean {
    const s = read();
    return s !== null && s.refreshExpiresAt > Date.now();
  },

  store(tokens: Tokens): Claims | null {
    return claimsOf(write(tokens).accessToken);
  },

  clear(): StoredSession | null {
    const s = read();
    localStorage.removeItem(KEY);
    return s;
  },

  /** A usable access token, refreshed when it runs out within the next 30 seconds. */
  async accessToken(opts: { forceRefresh?: boolean } = {}): Promise<string> {
    const s = read();
    if (!s) throw new SessionExpired();
    const claims = claimsOf(s.accessToken);
    if (!opts.forceRefresh && claims && claims.expiresAt * 1000 - Date.now() > 30_000) {
      return s.accessToken;
    }
    inFlight ??= refreshOnce(s.refreshToken).finally(() => {
      inFlight = null;
    });
    return inFlight;
  },
};

async function refreshOnce(seenRefreshToken: string): Promise<string> {
  const run = async () => {
    const current = read();
    if (!current) throw new SessionExpired();
    // Another tab refreshed while this one waited for the lock.
    if (current.refreshToken !== seenRefreshToken) return current.accessToken;
    const res = await postJson('/auth/refresh', { refreshToken: current.refreshToken });
    if (!res.ok) {
      localStorage.removeItem(KEY);
      throw new SessionExpired();
    }
    return write((await res.json()) as Tokens).accessToken;
  };
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  return locks ? locks.request('fupin.session.refresh', run) : run();
}

/** Signs in; the gateway's problem (wrong password, locked, password change needed) is thrown. */
export async function signIn(username: string, password: string): Promise<Claims | null> {
  const res = await postJson('/auth/login', { username, password });
  if (!res.ok) throw await problemError(res);
  return session.store((await res.json()) as Tokens);
}

export async function changePassword(
  username: string,
  currentPassword: string,
  newPassword: string,
): Promise<void> {
  const res = await postJson('/auth/password', { username, currentPassword, newPassword });
  if (!res.ok) throw await problemError(res);
}

/** Ends the session at the gateway (refresh token and access token) and forgets it here. */
export async function signOut(): Promise<void> {
  const s = session.clear();
  if (!s) return;
  await fetch('/auth/logout', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${s.accessToken}` },
    body: JSON.stringify({ refreshToken: s.refreshToken }),
  }).catch(() => undefined);
}
