// The model's prediction for any step, by kind.
import type { ModelContext, Outcome } from './model-context';
import { predictDelete, predictEdit, predictPost, predictReport } from './predict-author-steps';
import { predictModeration } from './predict-moderation-steps';
import { predictUserStep } from './predict-user-steps';
import type { Call } from './resolve-step';

export function predictStep(model: ModelContext, call: Call): Outcome {
  switch (call.step.kind) {
    case 'post':
      return predictPost(model, call);
    case 'edit':
      return predictEdit(model, call);
    case 'delete':
      return predictDelete(model, call);
    case 'report':
      return predictReport(model, call);
    case 'changeRole':
    case 'ban':
    case 'unban':
      return predictUserStep(model, call);
    default:
      return predictModeration(model, call);
  }
}
