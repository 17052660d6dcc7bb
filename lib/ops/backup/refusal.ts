// A backup or restore that stops before touching anything, for a reason the operator can fix: said in words, exit status 3.
import 'server-only';
export class Refusal extends Error {}
