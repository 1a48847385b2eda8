exports = function() {
  return context.user.custom_data.color || null;
};
