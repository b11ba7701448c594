module.exports = require('@medfri/test-kit')({ postgres: true, esmPackages: ['jose'] });
