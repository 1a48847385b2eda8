exports = async function(a, b) {
  const first = await Promise.resolve(a);
  return first + b;
};
