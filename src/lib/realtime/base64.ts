/**
 * Binary Yjs updates travel as base64 strings over Socket.IO (see the contract in events.ts).
 * Works in the browser and in Node (btoa/atob are global in both).
 */
export function naarBase64(bytes: Uint8Array): string {
	let s = '';
	const STUK = 0x8000;
	for (let i = 0; i < bytes.length; i += STUK) {
		s += String.fromCharCode(...bytes.subarray(i, i + STUK));
	}
	return btoa(s);
}

export function vanBase64(tekst: string): Uint8Array {
	const s = atob(tekst);
	const uit = new Uint8Array(s.length);
	for (let i = 0; i < s.length; i++) uit[i] = s.charCodeAt(i);
	return uit;
}
