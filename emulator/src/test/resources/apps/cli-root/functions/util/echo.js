exports = function(value) {
  return { value, app: context.app.id, project: context.app.projectId, environment: context.environment.tag };
};
