package dev.appservices.sample;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Sorts.ascending;
import static com.mongodb.client.model.Updates.set;

import dev.appservices.App;
import dev.appservices.AppServices;
import dev.appservices.User;
import dev.appservices.mongo.UpdateResult;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.List;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * The notes of App {@code sample}, read and written as the current user through remote MongoDB access:
 * {@code GET /sample/api/notes} lists everyone's notes, {@code POST} with {@code {"text": ...}} adds one,
 * {@code PUT /{id}} changes and {@code DELETE /{id}} removes one of the current user's, and
 * {@code GET /sample/api/notes/events} is a stream of server-sent events, one {@code note} event per change of the
 * collection, so that every open page shows the others' notes as they are written. The app's rules refuse to
 * change another user's note; the page shows the coded message.
 */
@Path("notes")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class NoteResource {

    @Inject
    @AppServices(id = "sample")
    App app;

    @GET
    public List<NoteView> list() {
        User user = currentUser("list the notes");
        return Notes.of(user).find().sort(ascending("_id")).toList().stream()
                .map(note -> NoteView.of(note, user.id()))
                .toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(@NotNull(message = SampleMessages.BODY_REQUIRED) @Valid NoteRequest request) {
        String text = request.text();
        User user = currentUser("add a note");
        Document note = new Document("_id", new ObjectId())
                .append(Notes.OWNER_ID, user.id())
                .append(Notes.TEXT, text);
        Notes.of(user).insertOne(note);
        return Response.status(Response.Status.CREATED)
                .entity(NoteView.of(note, user.id()))
                .build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public NoteView edit(
            @PathParam("id") String id, @NotNull(message = SampleMessages.BODY_REQUIRED) @Valid NoteRequest request) {
        String text = request.text();
        User user = currentUser("change a note");
        UpdateResult result = Notes.of(user).updateOne(eq("_id", Notes.id(id)), set(Notes.TEXT, text));
        if (result.matchedCount() == 0) {
            throw SampleMessages.noteNotWritable(id);
        }
        return Notes.of(user)
                .findOne(eq("_id", Notes.id(id)))
                .map(note -> NoteView.of(note, user.id()))
                .orElseThrow(() -> SampleMessages.unknownNote(id));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        User user = currentUser("delete a note");
        if (Notes.of(user).deleteOne(eq("_id", Notes.id(id))).deletedCount() == 0) {
            throw SampleMessages.noteNotWritable(id);
        }
        return Response.noContent().build();
    }

    /**
     * Follows the collection as the current user until the page goes away, the user logs out or the stream ends. The
     * change stream is open before the first event, {@code open}, is sent.
     */
    @GET
    @Path("events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void events(@Context SseEventSink sink, @Context Sse sse) {
        NoteEventPump.start(Notes.of(currentUser("follow the notes")).watch(), sink, sse);
    }

    private User currentUser(String operation) {
        return app.currentUser().orElseThrow(() -> SampleMessages.noCurrentUser(operation));
    }
}
