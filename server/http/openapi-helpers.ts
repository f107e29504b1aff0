import type { z } from '@hono/zod-openapi';
import { ErrorResponse } from '../../shared/api/error.ts';

/** An `application/json` body or response with this schema. */
export const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });

/** An error response, documented with our `{"error":{code,message}}` body. */
export const errorResponse = (description: string) => ({ description, ...json(ErrorResponse) });
