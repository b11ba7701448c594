module.exports = require('@medfri/test-kit')({ esmPackages: ['jose'] });
