'use strict';
// The library API for use outside the n8n canvas (a Code node, a script, another app).
// Build first (`npm run build`); the nodes themselves are found by n8n through package.json "n8n".
module.exports = require('./dist/lib/index.js');
