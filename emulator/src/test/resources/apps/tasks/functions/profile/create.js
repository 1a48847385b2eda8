exports = async function(authEvent) {
  const profiles = context.services.get("mongodb-atlas").db("tasks").collection("profiles");
  await profiles.updateOne({ user_id: authEvent.user.id },
      { $set: { user_id: authEvent.user.id, createdWith: authEvent.providers[0] } }, { upsert: true });
};
