package dev.appservices.it.getapp;

import dev.appservices.App;

/**
 * Code that is not a CDI bean and reaches the App through {@link App#getApp(String)}, as older or framework code
 * does.
 */
public final class Reports {

    private Reports() {}

    /**
     * The id of the shop's current user, as code outside CDI sees it.
     *
     * @return the id, or {@code null} if nobody is logged in
     */
    public static String currentShopUserId() {
        return App.getApp("shop").currentUser().map(user -> user.id()).orElse(null);
    }
}
