exports = function() {
  while (true) {}
};
