exports = async function() {
  const items = context.services.get("mongodb-atlas").db("tasks").collection("items");
  return await items.insertOne({ owner_id: "somebody-else", text: "not mine" });
};
