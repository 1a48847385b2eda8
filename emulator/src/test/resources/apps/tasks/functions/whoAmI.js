exports = function() {
  return {
    id: context.user.id,
    type: context.user.type,
    providers: context.user.identities.map(identity => identity.provider_type),
    email: context.user.data.email || null,
    method: context.request.httpMethod,
    agent: context.request.httpUserAgent,
    app: context.app.clientAppId,
    appName: context.app.name
  };
};
