/**
 * Remote MongoDB access through an App's user: the data service of the app ({@code mongodb-atlas} by default) with
 * the user's rules, in the shape of the MongoDB Java driver.
 *
 * <pre>{@code
 * RemoteMongoClient mongo = user.mongoClient("mongodb-atlas");
 * RemoteMongoCollection<Document> orders = mongo.database("shop").collection("orders");
 * RemoteMongoCollection<Order> typed = mongo.database("shop").collection("orders", Order.class);
 *
 * orders.insertOne(new Document("status", "open").append("ts", 1));
 * List<Document> open = orders.find(eq("status", "open")).sort(descending("ts")).limit(20).toList();
 * UpdateResult u = orders.updateOne(eq("status", "open"), set("status", "done"));
 * try (ChangeStream<Document> changes = orders.watch(eq("fullDocument.status", "open"))) {
 *     ChangeEvent<Document> event = changes.next();
 * }
 * }</pre>
 *
 * <h2>Filters, updates and pipelines</h2>
 *
 * <p>Filters, updates, sorts, projections and pipeline stages are {@link org.bson.conversions.Bson}: the builders of
 * the MongoDB Java driver ({@code com.mongodb.client.model.Filters}, {@code Updates}, {@code Sorts},
 * {@code Projections}, {@code Aggregates} from {@code org.mongodb:mongodb-driver-core}) work unchanged, and so does a
 * plain {@link org.bson.Document}. Documents are encoded and decoded with a
 * {@link org.bson.codecs.configuration.CodecRegistry}; the default one holds the BSON library's codecs, records and
 * POJOs.
 *
 * <h2>Why this package depends on {@code org.mongodb:bson} only</h2>
 *
 * <p>The API needs {@code Bson}, {@code BsonValue}, {@code Document} and codecs, which are all in the small
 * {@code bson} artifact the rest of the API uses already. The driver's {@code mongodb-driver-core} would add the
 * driver's whole connection layer to every application, and its option and result types describe a direct
 * connection that the data service cannot honour (write concerns, hints, collations, sessions, acknowledgement), so
 * a caller could set options that are silently ignored. The options and results here are therefore small immutable
 * types of this package with the names of the Realm SDKs ({@code upsertedId()}, {@code returnNewDocument}).
 * Applications that want the driver's builders add {@code mongodb-driver-core} themselves: its builders produce
 * {@code Bson} values, which is all this API asks for.
 *
 * <h2>Conventions</h2>
 *
 * <p>Every network call blocks and has an {@code …Async} twin returning a
 * {@link java.util.concurrent.CompletionStage}; {@code watch} is also offered as a
 * {@link java.util.concurrent.Flow.Publisher}. Requests go through the App: its HTTP client and connection pool,
 * its timeout (for {@code watch}: until the stream's response headers), the refresh of an expired access token,
 * and its exceptions. A failure the data service reports is a {@link dev.appservices.mongo.MongoOperationException}
 * naming the namespace and the operation but never a document's contents.
 *
 * @since 0.1
 */
package dev.appservices.mongo;
