// Why a reader reports a comment and how a report ends; free of imports so that client forms can list them.
// How each reads: lib/shared/vocabulary.ts.
export const REPORT_REASONS = ['spam', 'harassment', 'hate', 'misinformation', 'off_topic', 'other'] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

/** A moderator either dismisses a report (the comment stays) or hides the comment it names. */
export const REPORT_RESOLUTIONS = ['dismissed', 'hidden'] as const;
export type ReportResolution = (typeof REPORT_RESOLUTIONS)[number];
