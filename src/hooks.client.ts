import type { HandleClientError } from '@sveltejs/kit';

export const handleError: HandleClientError = ({ status }) => ({
	message:
		status === 404
			? 'Deze pagina bestaat niet.'
			: 'Er ging iets mis in de browser. Herlaad de pagina.'
});
