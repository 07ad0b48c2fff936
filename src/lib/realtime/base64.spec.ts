import { describe, expect, it } from 'vitest';
import { naarBase64, vanBase64 } from './base64';

describe('base64 voor Yjs-updates', () => {
	it('is gelijk aan Node’s Buffer-codering en keert om, ook voor grote updates', () => {
		const bytes = new Uint8Array(200_000);
		for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) % 256;
		const s = naarBase64(bytes);
		expect(s).toBe(Buffer.from(bytes).toString('base64'));
		expect(vanBase64(s)).toEqual(bytes);
		expect(vanBase64(naarBase64(new Uint8Array()))).toEqual(new Uint8Array());
	});
});
