// Where the package's compiled node and credential files are, read from package.json's
// `n8n` section: that list is what n8n loads, so the harness loads exactly the same
// files (from dist/, built by `npm run build` or `npx tsc -p tsconfig.build.json`).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const PACKAGE_ROOT = path.resolve(__dirname, '..', '..');

interface PackageJson {
	name: string;
	n8n?: { nodes?: string[]; credentials?: string[] };
}

const packageJson = JSON.parse(
	readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8'),
) as PackageJson;

/** Package name, the prefix n8n gives the node types of an installed package. */
export const PACKAGE_NAME = packageJson.name;

/** Prefix n8n gives node types loaded from N8N_CUSTOM_EXTENSIONS. */
export const CUSTOM_PREFIX = 'CUSTOM';

export const PACKAGE_PREFIXES = [PACKAGE_NAME, CUSTOM_PREFIX];

export const nodeFiles = (packageJson.n8n?.nodes ?? []).map((file) =>
	path.join(PACKAGE_ROOT, file),
);

export const credentialFiles = (packageJson.n8n?.credentials ?? []).map((file) =>
	path.join(PACKAGE_ROOT, file),
);

/**
 * Loads the class a compiled file exports and returns one instance of it. n8n picks the
 * export named like the file (`Foo.node.js` exports `Foo`); fall back to the only
 * exported class so a renamed file still loads.
 */
export function instantiateExport<T>(file: string): T {
	if (!existsSync(file)) {
		throw new Error(
			`${path.relative(PACKAGE_ROOT, file)} does not exist. Build the package first (npm run build, or npx tsc -p tsconfig.build.json).`,
		);
	}
	const exported = require(file) as Record<string, unknown>;
	const className = path.basename(file).split('.')[0];
	const classes = Object.values(exported).filter((value) => typeof value === 'function');
	const Class = (exported[className] ?? (classes.length === 1 ? classes[0] : undefined)) as
		| (new () => T)
		| undefined;
	if (!Class) {
		throw new Error(
			`${path.relative(PACKAGE_ROOT, file)} does not export a class named ${className}.`,
		);
	}
	return new Class();
}
