// What the thread's controls may offer this viewer; lib/ enforces the same rules on every action.
import type { Viewer } from '@/lib/shared/auth/actor';
import { can } from '@/lib/shared/auth/permissions';

export type ThreadRights = {
  signedIn: boolean;
  /** The name a new comment is posted under. */
  displayName: string | null;
  banned: boolean;
  canPost: boolean;
  canReport: boolean;
  canCloseComments: boolean;
  /** The viewer's email, as the log names a moderator: their own actions show under it before the server confirms them. */
  email: string | null;
};

export function threadRightsOf(viewer: Viewer): ThreadRights {
  return {
    signedIn: viewer.kind === 'user',
    displayName: viewer.kind === 'user' ? viewer.displayName : null,
    banned: viewer.kind === 'user' && viewer.banned,
    canPost: can(viewer, 'comment.post'),
    canReport: can(viewer, 'comment.report'),
    canCloseComments: can(viewer, 'article.close'),
    email: viewer.kind === 'user' ? viewer.email : null,
  };
}
