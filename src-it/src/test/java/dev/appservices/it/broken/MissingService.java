package dev.appservices.it.broken;

/** A bean type that no class in the deployment implements. */
public interface MissingService {

    String name();
}
