import { OpenAPIHono } from '@hono/zod-openapi';
import type { Principal } from '../auth/principal.ts';
import type { User } from '../users/user.service.ts';
import { ValidationError } from './app-error.ts';
import { illFormedTextAt } from './well-formed.ts';

/** Variables the auth middleware puts on every `/api` request. */
export interface ApiEnv {
  Variables: {
    /** The authenticated principal, or null for anonymous requests. */
    principal: Principal | null;
    /** Set by `requireUser`; routes after it may rely on it. */
    user: User;
  };
}

/**
 * An OpenAPIHono whose validation failures become our 400 `validation_failed` body; a JSON
 * body with a lone surrogate in any string is one of them (see {@link illFormedTextAt}).
 */
export function apiRouter(): OpenAPIHono<ApiEnv> {
  return new OpenAPIHono<ApiEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        const issue = result.error.issues[0];
        const where = issue === undefined || issue.path.length === 0 ? '' : `${issue.path.join('.')}: `;
        // Each issue's innermost named field ("header.numberSymbol" → numberSymbol, "recipients.2" →
        // recipients), so a form can point at its own input in its own language.
        const fields = [
          ...new Set(
            result.error.issues
              .map((i) => i.path.filter((part): part is string => typeof part === 'string').at(-1) ?? '')
              .filter((f) => f !== ''),
          ),
        ];
        throw new ValidationError('validation_failed', `${where}${issue?.message ?? 'invalid request'}`, {
          fields,
        });
      }
      if (result.target === 'json') {
        const at = illFormedTextAt(result.data);
        if (at !== null)
          throw new ValidationError(
            'validation_failed',
            `${at === '' ? '' : `${at}: `}text holds an unpaired surrogate (not valid Unicode)`,
          );
      }
    },
  });
}
