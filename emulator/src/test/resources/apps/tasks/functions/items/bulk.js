exports = async function(prefix) {
  const items = context.services.get("mongodb-atlas").db("tasks").collection("items");
  const me = context.user.id;
  const written = await items.bulkWrite([
    { insertOne: { document: { owner_id: me, text: prefix + "-b", tags: ["x", "y"] } } },
    { insertOne: { document: { owner_id: me, text: prefix + "-a", tags: "x" } } },
    { insertOne: { document: { owner_id: me, text: prefix + "-c", tags: "z" } } },
    { deleteOne: { filter: { text: prefix + "-c" } } }
  ]);
  const mine = { text: { $in: [prefix + "-a", prefix + "-b", prefix + "-c"] } };
  const page = await items.find(mine).sort({ text: 1 }).skip(1).limit(1).toArray();
  const tags = await items.distinct("tags", mine);
  return {
    inserted: written.insertedCount,
    deleted: written.deletedCount,
    page: page.map(item => item.text),
    tags: tags.sort()
  };
};
