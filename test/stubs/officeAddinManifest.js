// Stand-in for office-addin-manifest under jest: office-addin-mock imports it only for manifest helpers we never call.
module.exports = {};
