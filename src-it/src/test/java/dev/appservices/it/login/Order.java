package dev.appservices.it.login;

/**
 * A record passed to and returned by a function, encoded as Extended JSON by the BSON record codec inside the server.
 *
 * @param sku      the article
 * @param quantity how many
 */
public record Order(String sku, int quantity) {}
