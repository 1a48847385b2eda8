package dev.appservices.sample;

import dev.appservices.App;
import dev.appservices.AppServices;
import dev.appservices.User;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The current user of App {@code sample}: {@code GET /sample/api/user} shows it (204 when nobody is logged in),
 * {@code POST /sample/api/user/custom-data} refreshes its custom data, {@code POST /sample/api/user/logout} logs it
 * out. The current user is kept in the App's metadata store, so it survives a server restart.
 */
@Path("user")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class UserResource {

    @Inject
    @AppServices(id = "sample")
    App app;

    @GET
    public Response current() {
        return app.currentUser()
                .map(user -> Response.ok(UserView.of(user)))
                .orElseGet(Response::noContent)
                .build();
    }

    /** Refreshes the access token; the custom data comes with it. */
    @POST
    @Path("custom-data")
    public UserView refreshCustomData() {
        User user = currentUser("refresh the custom data");
        user.refreshCustomData();
        return UserView.of(user);
    }

    @POST
    @Path("logout")
    public Response logOut() {
        currentUser("log out").logOut();
        return Response.noContent().build();
    }

    private User currentUser(String operation) {
        return app.currentUser().orElseThrow(() -> SampleMessages.noCurrentUser(operation));
    }
}
