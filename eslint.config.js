import { includeIgnoreFile } from '@eslint/compat';
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import { fileURLToPath } from 'node:url';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

const gitignore = fileURLToPath(new URL('./.gitignore', import.meta.url));

export default ts.config(
	includeIgnoreFile(gitignore),
	{ ignores: ['drizzle/**'] },
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			'no-undef': 'off',
			curly: ['error', 'multi-line'],
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }
			],
			'svelte/button-has-type': 'error',
			// Links are plain paths in this app (no base path); resolve() adds nothing here.
			'svelte/no-navigation-without-resolve': 'off'
		}
	},
	{
		files: ['**/*.ts', '**/*.svelte'],
		ignores: ['eslint.config.js', 'svelte.config.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		},
		rules: {
			'@typescript-eslint/no-floating-promises': 'error',
			'@typescript-eslint/no-misused-promises': [
				'error',
				{ checksVoidReturn: { arguments: false } }
			],
			'@typescript-eslint/await-thenable': 'error',
			'@typescript-eslint/require-await': 'error'
		}
	},
	{
		// The domain is pure: no IO, no framework, no clock from outside (STYLE.md habit 1).
		files: ['src/lib/domain/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: ['$lib/server/*', '$app/*', '$env/*'],
							message: 'Het domein is puur: geen server-, app- of env-imports.'
						},
						{
							group: [
								'svelte',
								'svelte/*',
								'drizzle-orm',
								'drizzle-orm/*',
								'socket.io*',
								'node:*',
								'postgres',
								'@electric-sql/*'
							],
							message: 'Het domein is puur: geen IO of framework.'
						}
					]
				}
			]
		}
	}
);
