import type { ParamMatcher } from '@sveltejs/kit';

export const match = ((param: string) => /^PV\d{2}$/.test(param)) satisfies ParamMatcher;
