import { z } from 'zod';
import { ORG_KINDS } from '../access.ts';

/** An organisation in the tree. */
export const Org = z
  .object({
    id: z.number().int(),
    kind: z.enum(ORG_KINDS),
    name: z.string(),
    shortName: z.string(),
    parentId: z.number().int().nullable(),
  })
  .meta({ id: 'Org' });
/** An organisation as the API returns it. */
export type Org = z.infer<typeof Org>;

/** `GET /api/orgs`: the organisations the caller may see, parents before children. */
export const OrgList = z.object({ orgs: z.array(Org) }).meta({ id: 'OrgList' });
