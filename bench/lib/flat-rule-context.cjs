// Preloaded with `node --require` into a diagnostic ESLint row only: ESLint builds each rule's context as
// `Object.create(fileContext)`. V8 keeps the map of that object in old space, and the map points to its
// prototype, so every file's SourceCode and AST survive young-generation collections until the next full one.
// This preload makes the rule context a plain copy of the file context (same properties, same methods), which
// shows how much of a plugin's cost is that floor and how much is its own work. The verdict rows never load it.
'use strict';
const path = require('node:path');

const eslintBin = process.argv[1] ?? '';
const fileContextPath = path.join(path.dirname(eslintBin), '..', 'lib', 'linter', 'file-context.js');
const { FileContext } = require(fileContextPath);

FileContext.prototype.extend = function extendFlat(extension) {
  const context = Object.create(FileContext.prototype);
  for (const key of Object.keys(this)) context[key] = this[key];
  return Object.freeze(Object.assign(context, extension));
};
