import type { ParamMatcher } from '@sveltejs/kit';
import { parseHalfjaar } from '$lib/domain/periode/halfjaar';

export const match = ((param: string) => parseHalfjaar(param) !== null) satisfies ParamMatcher;
