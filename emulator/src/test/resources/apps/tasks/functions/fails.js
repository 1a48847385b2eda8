exports = function(reason) {
  throw new Error("refused: " + reason);
};
