/**
 * Naming of the verslag's Yjs document, shared by server and browser: one document per meeting,
 * one XML fragment per agendapunt (ids are stable across reorders and edits).
 */
export const verslagDocument = (vergaderingId: number) => `verslag:${vergaderingId}`;
export const fragmentNaam = (agendapuntId: number) => `ap-${agendapuntId}`;

export function vergaderingVanDocument(document: string): number | null {
	const m = /^verslag:([1-9][0-9]{0,9})$/.exec(document);
	return m ? Number(m[1]) : null;
}
