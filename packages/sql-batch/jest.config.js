module.exports = require('@medfri/test-kit')({ postgres: true });
