exports = async function(url) {
  const response = await context.http.get({ url });
  return { status: response.statusCode, body: response.body.text() };
};
