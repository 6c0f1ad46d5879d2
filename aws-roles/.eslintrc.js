module.exports = require('../eslint.packages')(__dirname);
