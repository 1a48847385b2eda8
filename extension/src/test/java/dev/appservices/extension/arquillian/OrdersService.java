package dev.appservices.extension.arquillian;

import dev.appservices.App;
import dev.appservices.AppServices;
import dev.appservices.Credentials;
import dev.appservices.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** An application bean that uses an App, as a deployed application would. */
@ApplicationScoped
public class OrdersService {

    @Inject
    @AppServices(id = "orders")
    App orders;

    /**
     * Logs a guest in.
     *
     * @return the guest's user id
     */
    public String logInGuest() {
        User user = orders.logIn(Credentials.anonymous());
        return user.id();
    }

    /**
     * The id of the App this service uses.
     *
     * @return the app id
     */
    public String appId() {
        return orders.id();
    }
}
