'use strict';
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');
module.exports = {
  root,
  tools: path.join(root, '.tools'),
  data: path.join(root, '.data'),
  nodeModules: path.join(root, 'node_modules'),
};
