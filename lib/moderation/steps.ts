// The server half of every verb in MODERATION_VERBS, one entry each: its schema and its decision.
// A verb added to the table without an entry here fails the typecheck.
import 'server-only';
import type { ModerationVerbKind } from '@/lib/shared/moderation/verbs';
import { annotateStep } from './annotate-comment';
import { dismissStep } from './dismiss-reports';
import { flagStep } from './flag-comment';
import { hideStep } from './hide-comment';
import type { DecideStep, VerbStep } from './moderation-step';
import { removeAnnotationStep } from './remove-annotation';
import { unflagStep } from './unflag-comment';
import { unhideStep } from './unhide-comment';

export const MODERATION_STEPS = {
  flag: flagStep,
  unflag: unflagStep,
  hide: hideStep,
  unhide: unhideStep,
  dismiss: dismissStep,
  annotate: annotateStep,
  removeAnnotation: removeAnnotationStep,
} satisfies { [K in ModerationVerbKind]: VerbStep<K> };

type StepInputOf<K extends ModerationVerbKind> = Parameters<(typeof MODERATION_STEPS)[K]['decide']>[0];

/** Verb `kind`'s decision for its validated fields (TypeScript cannot follow the kind through the table by itself). */
export function decideFor<K extends ModerationVerbKind>(kind: K, input: StepInputOf<K>): DecideStep {
  return (MODERATION_STEPS[kind].decide as (input: StepInputOf<K>) => DecideStep)(input);
}
