import { z } from 'zod';
import {
  AssignmentList,
  MyAssignments,
  SectionAssignment,
  type AssignRequest,
} from '../../shared/api/assignments.ts';
import { apiPath, request } from '../api/api-client.ts';

const section = (draftId: string, sectionId: string) =>
  apiPath(['drafts', draftId, 'assignments', sectionId]);

/** Who writes which section of a draft, and who may be assigned. */
export function listAssignments(draftId: string): Promise<AssignmentList> {
  return request(apiPath(['drafts', draftId, 'assignments']), AssignmentList);
}

/** The sections assigned to the caller, draft by draft. */
export function myAssignments(): Promise<MyAssignments> {
  return request(apiPath(['assignments', 'mine']), MyAssignments);
}

/** Assigns a section to a member, with an optional due date. */
export function assignSection(
  draftId: string,
  sectionId: string,
  body: AssignRequest,
): Promise<SectionAssignment> {
  return request(section(draftId, sectionId), SectionAssignment, { method: 'PUT', body });
}

/** Takes a section's assignment away. */
export async function unassignSection(draftId: string, sectionId: string): Promise<void> {
  await request(section(draftId, sectionId), z.undefined(), { method: 'DELETE' });
}
