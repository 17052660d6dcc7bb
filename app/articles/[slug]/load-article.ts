import 'server-only';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { findArticleBySlug } from '@/lib/queries/articles';

/** One lookup per request, shared by the page and its metadata. */
export const loadArticle = cache((slug: string) => findArticleBySlug(getDb(), slug));
