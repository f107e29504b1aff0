import type { DraftHeader } from '../../shared/api/draft-header.ts';
import type { OrgService } from '../orgs/org.service.ts';
import type { UserService } from '../users/user.service.ts';

/** The signer's position printed under "T/M BAN CHẤP HÀNH" when nobody has typed another. */
const DEFAULT_SIGNER_TITLE = 'BÍ THƯ';

/**
 * Header fields a new draft of an organisation starts with: its superior's name and its own
 * (upper case, as printed) and its secretary as the signer. The
 * template's term and whatever the creator typed go on top of these.
 */
export function headerDefaults(
  orgs: Pick<OrgService, 'get'>,
  users: Pick<UserService, 'withRole' | 'findById'>,
): (orgId: number) => Promise<DraftHeader> {
  return async (orgId) => {
    const org = await orgs.get(orgId);
    const parent = org.parentId === null ? null : await orgs.get(org.parentId);
    const [secretaryId] = await users.withRole('secretary', [orgId]);
    const secretary = secretaryId === undefined ? null : await users.findById(secretaryId);
    const upper = (name: string) => name.toLocaleUpperCase('vi');
    return {
      superior: parent === null ? '' : upper(parent.name),
      issuer: upper(org.name),
      signerTitle: DEFAULT_SIGNER_TITLE,
      ...(secretary === null ? {} : { signerName: secretary.displayName }),
      // No recipients: left empty, the export prints the profile's lines, which follow the superior line.
    };
  };
}
