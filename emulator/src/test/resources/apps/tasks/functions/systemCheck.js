exports = function() {
  return { type: context.user.type, system: context.runningAsSystem() };
};
