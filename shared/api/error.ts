import { z } from 'zod';
import { ERROR_CODES } from '../errors.ts';

/** The body of every error response. */
export const ErrorResponse = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES),
      message: z.string(),
      /** The input fields a validation failure is about. */
      fields: z.array(z.string()).optional(),
      /** What keeps a draft from being marked final (header fields, `open_round`). */
      missing: z.array(z.string()).optional(),
    }),
  })
  .meta({ id: 'ErrorResponse' });
