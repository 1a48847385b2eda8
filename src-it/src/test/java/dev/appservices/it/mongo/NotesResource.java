package dev.appservices.it.mongo;

import dev.appservices.App;
import dev.appservices.AppServices;
import dev.appservices.Credentials;
import dev.appservices.User;
import dev.appservices.mongo.RemoteMongoCollection;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.bson.Document;

/**
 * A request-scoped resource that writes and reads notes of a board through the injected App's user:
 * {@code POST /api/boards/{board}} with the note's text, {@code GET /api/boards/{board}} for the texts in order.
 */
@Path("boards/{board}")
@RequestScoped
public class NotesResource {

    @Inject
    @AppServices(id = "board")
    App app;

    @POST
    @Consumes(MediaType.TEXT_PLAIN)
    @Produces(MediaType.TEXT_PLAIN)
    public String add(@PathParam("board") String board, String text) {
        return notes(board)
                .insertOne(new Document("text", text))
                .insertedId()
                .asObjectId()
                .getValue()
                .toHexString();
    }

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String texts(@PathParam("board") String board) {
        List<String> texts = notes(board).find().sort(new Document("_id", 1)).toList().stream()
                .map(note -> note.getString("text"))
                .toList();
        return String.join("\n", texts);
    }

    private RemoteMongoCollection<Document> notes(String board) {
        User user = app.currentUser().orElseGet(() -> app.logIn(Credentials.anonymous()));
        return user.mongoClient("mongodb-atlas").database("boards").collection(board);
    }
}
