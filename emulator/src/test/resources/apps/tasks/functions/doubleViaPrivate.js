exports = async function(n) {
  return await context.functions.execute("private/double", n);
};
