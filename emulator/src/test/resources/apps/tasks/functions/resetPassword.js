exports = ({ token, tokenId, username, password, currentPasswordValid }, securityAnswer) => {
  return { status: securityAnswer === "blue" ? "success" : "fail" };
};
