'use strict';
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');
module.exports = {
  root,
  tools: path.join(root, '.tools'),
  // DISCLOSURE_DATA_DIR moves the embedded data (tests run a second system beside a developer's).
  data: process.env.DISCLOSURE_DATA_DIR ? path.resolve(process.env.DISCLOSURE_DATA_DIR) : path.join(root, '.data'),
  nodeModules: path.join(root, 'node_modules'),
};
