// Confirms addresses of the example.com domain, refuses blocked ones, leaves the others pending.
exports = ({ token, tokenId, username }) => {
  if (username.endsWith("@blocked.example.com")) {
    return { status: "fail" };
  }
  return { status: username.endsWith("@example.com") ? "success" : "pending" };
};
