const axios = require("axios");
exports = async function() {
  return (await axios.get("https://example.com")).status;
};
