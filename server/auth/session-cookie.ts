import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';

/** Cookie settings derived from the public URL (R10). */
export interface CookiePolicy {
  /** https: `Secure` and the `__Host-` prefix (bound to this host, path `/`, no Domain). */
  readonly secure: boolean;
  readonly maxAgeS: number;
}

/** The session cookie's name: `__Host-` needs `Secure`, which a plain-http deployment cannot set. */
export function sessionCookieName(policy: Pick<CookiePolicy, 'secure'>): string {
  return policy.secure ? '__Host-vk_sid' : 'vk_sid';
}

/** Reads the session secret from the request, if any. */
export function readSessionCookie(c: Context, policy: CookiePolicy): string | undefined {
  return getCookie(c, sessionCookieName(policy));
}

/** Sets the session cookie: HttpOnly, SameSite=Lax, Path=/, Secure over https. */
export function writeSessionCookie(c: Context, policy: CookiePolicy, secret: string): void {
  setCookie(c, sessionCookieName(policy), secret, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: policy.secure,
    path: '/',
    maxAge: policy.maxAgeS,
  });
}

/** Tells the browser to drop the session cookie. */
export function clearSessionCookie(c: Context, policy: CookiePolicy): void {
  deleteCookie(c, sessionCookieName(policy), { path: '/', secure: policy.secure });
}
