// Keeps zod from trying eval in the browser, where the Content-Security-Policy refuses it and reports every refusal.
import { z } from 'zod';

// zod builds its object parsers with Function() where it can, and finds out whether it can by trying
// once: under a policy without 'unsafe-eval' that try is a violation. The server has no such policy
// and keeps the faster parsers.
if (typeof window !== 'undefined') z.config({ jitless: true });
