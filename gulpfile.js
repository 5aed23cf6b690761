// tsc only emits JavaScript; n8n also loads the icons and codex files that sit next
// to each node and credential, so copy them into dist/ with the same layout.
const { src, dest, task } = require('gulp');

function copyAssets() {
	return src(['nodes/**/*.{png,svg,json}', 'credentials/**/*.{png,svg}'], {
		base: '.',
		encoding: false,
	}).pipe(dest('dist'));
}

task('build:assets', copyAssets);
