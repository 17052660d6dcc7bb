'use client';
// Every queue action as one TanStack mutation: optimistic overlay first, the server's fresh state on success, rollback and words on refusal.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessageOf } from '@/lib/browser/action-refused';
import type { CommentModeration } from '@/lib/shared/moderation/types';
import { MODERATION_VERBS, predictModeration, type ModerationRequest } from '@/lib/shared/moderation/verbs';
import type { Overlay, Overlays } from './queue-overlay';
import { sendAction, type Outcome } from './send-action';

type Variables = { action: ModerationRequest; targets: CommentModeration[]; bulk: boolean };

export function useQueueActions(queryKey: readonly unknown[], viewerEmail: string) {
  const queryClient = useQueryClient();
  const [overlays, setOverlays] = useState<Overlays>(new Map());
  const [errors, setErrors] = useState<ReadonlyMap<number, string>>(new Map());
  const [bulkError, setBulkError] = useState<string | null>(null);
  const refetch = () => queryClient.invalidateQueries({ queryKey });

  const mutation = useMutation<Outcome, Error, Variables, { at: number }>({
    mutationFn: ({ action, targets, bulk }) => sendAction(action, targets, bulk),
    onMutate: async ({ action, targets, bulk }) => {
      // A refetch already on its way may predate this action; the overlay covers it, and this saves the work.
      await queryClient.cancelQueries({ queryKey });
      const at = Date.now();
      const atIso = new Date(at).toISOString();
      const verb = MODERATION_VERBS[action.kind];
      setOverlays((previous) => {
        const next = new Map(previous);
        for (const target of targets) {
          next.set(target.commentId, {
            moderation: predictModeration(target, action, viewerEmail, atIso),
            reportsClosed: verb.closesReports !== null || (previous.get(target.commentId)?.reportsClosed ?? false),
            action: verb.logAction,
            at,
            version: target.version + 1,
            pending: true,
          });
        }
        return next;
      });
      setErrors((previous) => withoutKeys(previous, targets.map((target) => target.commentId)));
      if (bulk) setBulkError(null);
      return { at };
    },
    onSuccess: ({ moderated, unchanged }) => {
      setOverlays((previous) => {
        const next = new Map(previous);
        for (const fresh of moderated) {
          const overlay = previous.get(fresh.commentId);
          // A later action on the same reply is already laid over this one: keep it.
          if (overlay && overlay.version > fresh.version) continue;
          if (overlay) next.set(fresh.commentId, { ...overlay, moderation: fresh, version: fresh.version, pending: false } satisfies Overlay);
        }
        for (const id of unchanged) next.delete(id);
        return next;
      });
      void refetch();
    },
    onError: (error, { targets, bulk }) => {
      const ids = targets.map((target) => target.commentId);
      setOverlays((previous) => withoutKeys(previous, ids));
      const message = errorMessageOf(error);
      setErrors((previous) => {
        const next = new Map(previous);
        for (const id of ids) next.set(id, message);
        return next;
      });
      if (bulk) setBulkError(message);
      // A conflict, "already hidden" and the like mean this moderator saw an old state: show the current one now.
      void refetch();
    },
  });

  return {
    overlays,
    setOverlays,
    errors,
    bulkError,
    act: (action: ModerationRequest, targets: CommentModeration[], bulk = false) => mutation.mutate({ action, targets, bulk }),
  };
}

function withoutKeys<V>(map: ReadonlyMap<number, V>, keys: readonly number[]): ReadonlyMap<number, V> {
  if (!keys.some((key) => map.has(key))) return map;
  const next = new Map(map);
  for (const key of keys) next.delete(key);
  return next;
}
