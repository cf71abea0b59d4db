import type { CookieOptions, Request, Response } from 'express';
import { SESSION_IDLE_SECONDS } from './session.store';

/**
 * The session cookie. Outside development it is `__Host-trygg_session`: Secure, Path=/, no Domain,
 * so no other host of the municipality can set or read it. Development serves plain http, where a
 * Secure cookie would not come back, so there it is `trygg_session` without Secure.
 */
export function sessionCookieName(environment: string | undefined): string {
  return environment === 'development' ? 'trygg_session' : '__Host-trygg_session';
}

export function sessionCookieOptions(environment: string | undefined): CookieOptions {
  return { httpOnly: true, sameSite: 'lax', secure: environment !== 'development', path: '/', maxAge: SESSION_IDLE_SECONDS * 1000 };
}

export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) {
      try {
        return decodeURIComponent(v.join('='));
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

export function sessionIdOf(req: Request, environment: string | undefined): string | undefined {
  return cookieValue(req.headers.cookie, sessionCookieName(environment));
}

export function setSessionCookie(res: Response, environment: string | undefined, id: string): void {
  res.cookie(sessionCookieName(environment), id, sessionCookieOptions(environment));
}

export function clearSessionCookie(res: Response, environment: string | undefined): void {
  const { maxAge: _maxAge, ...opts } = sessionCookieOptions(environment);
  res.clearCookie(sessionCookieName(environment), opts);
}
