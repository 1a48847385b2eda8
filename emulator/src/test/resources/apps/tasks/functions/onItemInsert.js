exports = async function(changeEvent) {
  const items = context.services.get("mongodb-atlas").db("tasks").collection("audit");
  await items.insertOne({ item: changeEvent.documentKey._id, operation: changeEvent.operationType,
    at: changeEvent.clusterTime });
};
