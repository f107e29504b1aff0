import {
  Discussion,
  DiscussionList,
  DiscussionMembers,
  type CreateDiscussionRequest,
  type DiscussionReplyRequest,
} from '../../shared/api/discussions.ts';
import { apiPath, request } from '../api/api-client.ts';

const base = (draftId: string, ...rest: (string | number)[]) =>
  apiPath(['drafts', draftId, 'discussions', ...rest]);

/** The committee's internal threads of a draft, over REST. */
export const discussionsApi = {
  list: (draftId: string) => request(base(draftId), DiscussionList),
  members: (draftId: string) => request(base(draftId, 'members'), DiscussionMembers),
  create: (draftId: string, body: CreateDiscussionRequest) => request(base(draftId), Discussion, { body }),
  reply: (draftId: string, threadId: number, body: DiscussionReplyRequest) =>
    request(base(draftId, threadId, 'replies'), Discussion, { body }),
  resolve: (draftId: string, threadId: number, resolved: boolean) =>
    request(base(draftId, threadId, 'resolved'), Discussion, { method: 'PUT', body: { resolved } }),
};
