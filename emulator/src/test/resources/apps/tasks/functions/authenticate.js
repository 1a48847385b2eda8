exports = async (loginPayload) => {
  if (!loginPayload.username || loginPayload.secret !== "open sesame") {
    throw new Error("wrong secret for " + loginPayload.username);
  }
  return { id: "ext-" + loginPayload.username, name: loginPayload.username };
};
