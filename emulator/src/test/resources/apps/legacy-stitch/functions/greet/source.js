exports = function(name) {
  return "welcome " + name;
};
