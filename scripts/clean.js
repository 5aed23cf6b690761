// Stale files in dist/ would be loaded by n8n and packed by npm: start every build empty.
const { rmSync } = require('node:fs');
const { join } = require('node:path');

rmSync(join(__dirname, '..', 'dist'), { recursive: true, force: true });
