exports = function() {
  return context.user.custom_data.createdWith || null;
};
