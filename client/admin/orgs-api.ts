import { OrgList } from '../../shared/api/orgs.ts';
import { apiPath, request } from '../api/api-client.ts';

/** The organisations the caller may see. */
export function listOrgs() {
  return request(apiPath(['orgs']), OrgList);
}
