module.exports = require('@medfri/test-kit')();
