import type { RequestHandler } from './$types';
import { verslagExport } from '$lib/server/verslag-export';

/** The verslag of this meeting as PDF (see verslag-export.ts for which version). */
export const GET: RequestHandler = verslagExport('verslag', 'pdf');
