exports = function(n) {
  return n * 2;
};
