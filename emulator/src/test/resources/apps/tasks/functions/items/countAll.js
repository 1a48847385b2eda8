exports = async function() {
  return await context.services.get("mongodb-atlas").db("tasks").collection("items").count({});
};
