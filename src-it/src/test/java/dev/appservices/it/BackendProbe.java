package dev.appservices.it;

import dev.appservices.User;

/**
 * Tells code in the server which backend serves a user: every app of the {@link Backends} has the function
 * {@value #NAME_FUNCTION}, which answers the name its backend was started with. {@link Deployments#appWar} adds this
 * class to every deployment.
 */
public final class BackendProbe {

    /** The function that answers the name of the backend serving the request. */
    public static final String NAME_FUNCTION = "backendName";

    private BackendProbe() {}

    /**
     * Calls {@value #NAME_FUNCTION} as the user: a request to the backend the user's App uses now.
     *
     * @param user a logged-in user
     * @return the name of the backend that answered
     */
    public static String backendOf(User user) {
        return user.functions().call(NAME_FUNCTION, String.class);
    }
}
