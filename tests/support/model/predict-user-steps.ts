// What the model expects of an owner's step on an account: role changes, bans and unbans, never leaving the
// site without an owner who is not banned.
import { authorizationRefusal, done, refused, type ModelContext, type Outcome } from './model-context';
import type { Call } from './resolve-step';
import { banReasonText } from './text-samples';
import type { UserState } from './world-state';

const ROLES = ['reader', 'moderator', 'owner'];

function isLastActiveOwner(model: ModelContext, user: UserState): boolean {
  if (user.role !== 'owner' || user.banned) return false;
  return !model.state.users.some((other) => other.id !== user.id && other.role === 'owner' && !other.banned);
}

/** The input is validated first (the admin page's action does), then the caller, then the account. */
export function predictUserStep(model: ModelContext, { step, input }: Call): Outcome {
  if (step.kind === 'changeRole' && !ROLES.includes(step.role)) return refused('INVALID_INPUT');
  const reason = step.kind === 'ban' ? banReasonText(step.reason) : null;
  if (reason && !reason.ok) return refused('INVALID_INPUT');
  const denied = authorizationRefusal(model, step.actor, 'manage');
  if (denied) return refused(denied);
  const target = model.state.users.find((user) => user.id === input.userId);
  if (!target) return refused('NOT_FOUND');
  switch (step.kind) {
    case 'changeRole':
      if (target.role === step.role) return refused('NO_CHANGE');
      if (isLastActiveOwner(model, target)) return refused('LAST_OWNER');
      target.role = step.role;
      return done('role_changed');
    case 'ban':
      if (target.banned) return refused('NO_CHANGE');
      if (isLastActiveOwner(model, target)) return refused('LAST_OWNER');
      Object.assign(target, { banned: true, ban_reason: reason?.ok ? reason.value : null });
      return done('user_banned');
    case 'unban':
      if (!target.banned) return refused('NO_CHANGE');
      Object.assign(target, { banned: false, ban_reason: null });
      return done('user_unbanned');
    default:
      throw new Error(`${step.kind} is not an account step`);
  }
}
