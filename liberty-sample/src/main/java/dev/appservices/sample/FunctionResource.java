package dev.appservices.sample;

import dev.appservices.App;
import dev.appservices.AppServices;
import dev.appservices.User;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.bson.BsonValue;

/**
 * Calls a function of App {@code sample} as the current user: {@code POST /sample/api/functions/sum} with the body
 * {@code [1, 2]}. The body is a JSON array of arguments, which may use Extended JSON ({@code {"$date": ...}}); the
 * result comes back in relaxed Extended JSON.
 */
@Path("functions/{name}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class FunctionResource {

    @Inject
    @AppServices(id = "sample")
    App app;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public FunctionResultView call(@PathParam("name") String name, String arguments) {
        List<BsonValue> values;
        try {
            values = ExtendedJson.arguments(arguments == null || arguments.isBlank() ? "[]" : arguments);
        } catch (IllegalArgumentException e) {
            throw SampleMessages.invalidFunctionArguments(name, e.getMessage());
        }
        User user = app.currentUser().orElseThrow(() -> SampleMessages.noCurrentUser("call function '" + name + "'"));
        BsonValue result = user.functions().callRaw(name, values.toArray());
        return new FunctionResultView(name, ExtendedJson.toJson(result));
    }
}
