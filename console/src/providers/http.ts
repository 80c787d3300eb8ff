import { problemError } from './problem';
import { SessionExpired, session } from './session';
import { HttpError } from 'react-admin';

/**
 * fetch with the session's bearer token. A 401 (the token expired or was revoked a moment
 * ago) refreshes once and retries; a second 401 is the end of the session.
 */
export async function apiFetch(url: string, init: RequestInit = {}): Promise<Response> {
  const send = async (forceRefresh: boolean) => {
    let token: string;
    try {
      token = await session.accessToken({ forceRefresh });
    } catch (err) {
      if (err instanceof SessionExpired) throw new HttpError('ra.auth.auth_check_error', 401);
      throw err;
    }
    const headers = new Headers(init.headers);
    headers.set('authorization', `Bearer ${token}`);
    if (!headers.has('accept')) headers.set('accept', 'application/json');
    return fetch(url, { ...init, headers });
  };
  const first = await send(false);
  if (first.status !== 401) return first;
  return send(true);
}

export interface JsonResponse {
  status: number;
  headers: Headers;
  body: string;
  json: unknown;
}

/** The httpClient ra-data-simple-rest calls: JSON in, JSON out, problems as HttpError. */
export async function httpClient(url: string, options: RequestInit = {}): Promise<JsonResponse> {
  const headers = new Headers(options.headers);
  if (options.body && typeof options.body === 'string' && !headers.has('content-type')) {
    headers.set('content-type', 'application/json');
  }
  const res = await apiFetch(url, { ...options, headers });
  if (!res.ok) throw await problemError(res);
  const body = await res.text();
  let json: unknown = undefined;
  try {
    json = body ? JSON.parse(body) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, body, json };
}

/** Sends a file as the request body (the imports take the file itself, not a form). */
export async function uploadFile(url: string, file: File): Promise<unknown> {
  const type = /\.csv$/i.test(file.name)
    ? 'text/csv'
    : /\.xlsx$/i.test(file.name)
      ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
      : 'application/octet-stream';
  const res = await apiFetch(url, {
    method: 'POST',
    headers: { 'content-type': type, 'x-file-name': encodeURIComponent(file.name) },
    body: file,
  });
  if (!res.ok) throw await problemError(res);
  return res.json();
}

function fileNameOf(res: Response, fallback: string): string {
  const cd = res.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(cd)?.[1];
  if (star) return decodeURIComponent(star);
  return /filename="?([^";]+)"?/i.exec(cd)?.[1] ?? fallback;
}

/** Downloads a file the API serves (a template, an export, an error report) with the token. */
export async function downloadFile(url: string, fallbackName: string): Promise<string> {
  const res = await apiFetch(url, {
    headers: { accept: 'application/octet-stream, application/problem+json' },
  });
  if (!res.ok) throw await problemError(res);
  const name = fileNameOf(res, fallbackName);
  const blob = await res.blob();
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
  return name;
}
