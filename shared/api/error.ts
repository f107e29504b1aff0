import { z } from 'zod';
import { ERROR_CODES } from '../errors.ts';

/** The body of every error response. */
export const ErrorResponse = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES),
      message: z.string(),
    }),
  })
  .meta({ id: 'ErrorResponse' });
