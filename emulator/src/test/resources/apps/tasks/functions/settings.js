exports = function() {
  return {
    environment: context.environment.tag,
    greeting: context.environment.values.greeting,
    banner: context.values.get("banner"),
    limits: context.values.get("limits"),
    tokenLength: context.values.get("serviceToken").length
  };
};
