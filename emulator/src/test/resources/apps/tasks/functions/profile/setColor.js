exports = async function(color) {
  const profiles = context.services.get("mongodb-atlas").db("tasks").collection("profiles");
  await profiles.updateOne({ user_id: context.user.id }, { $set: { user_id: context.user.id, color } },
      { upsert: true });
  return color;
};
