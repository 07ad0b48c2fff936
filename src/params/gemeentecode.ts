import type { ParamMatcher } from '@sveltejs/kit';

export const match = ((param: string) => /^GM\d{4}$/.test(param)) satisfies ParamMatcher;
