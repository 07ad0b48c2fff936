import type { RequestHandler } from './$types';
import { verslagExport } from '$lib/server/verslag-export';

/** The actielijst of this meeting as PDF (see verslag-export.ts for which version). */
export const GET: RequestHandler = verslagExport('actielijst', 'pdf');
