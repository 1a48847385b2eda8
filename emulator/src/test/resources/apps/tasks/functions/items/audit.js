exports = async function(itemId) {
  const audit = context.services.get("mongodb-atlas").db("tasks").collection("audit");
  const entry = await audit.findOne({ item: itemId });
  return entry === null ? null : entry.operation;
};
