exports = async function() {
  const items = context.services.get("mongodb-atlas").db("tasks").collection("items");
  const found = await items.find({}, { _id: 0, text: 1 }).sort({ text: 1 }).toArray();
  return found.map(item => item.text);
};
