exports = async function(text) {
  const items = context.services.get("mongodb-atlas").db("tasks").collection("items");
  const result = await items.insertOne({ owner_id: context.user.id, text });
  return result.insertedId;
};
