package dev.appservices;

import java.util.Optional;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.Document;

/**
 * The profile data of a {@link User}, as returned by the server's profile endpoint ({@code data}): typed accessors
 * for the well-known keys and the whole document for provider-specific extras.
 *
 * <p>The well-known keys are strings on the wire; a number or boolean under one of them is returned in its text
 * form, any other type as empty.
 *
 * <p>Instances are immutable and thread-safe. {@link #toString()} lists the keys present, not their values
 * (profiles hold personal data).
 *
 * @since 0.1
 */
public final class UserProfile {

    private static final UserProfile EMPTY = new UserProfile(new BsonDocument());

    private final BsonDocument data;

    private UserProfile(BsonDocument data) {
        this.data = data;
    }

    /**
     * Returns a profile over a copy of {@code data}.
     *
     * @param data the profile document (the {@code data} object of the profile response)
     * @return the profile
     * @throws NullPointerException if {@code data} is null
     * @throws org.bson.codecs.configuration.CodecConfigurationException if a value cannot be encoded by the BSON
     *         library's default codecs
     */
    public static UserProfile of(Document data) {
        return new UserProfile(Documents.snapshot(ApiMessages.requireNonNull(data, "data")));
    }

    /**
     * Returns the empty profile (anonymous users, or users whose profile was never fetched).
     *
     * @return the empty profile
     */
    public static UserProfile empty() {
        return EMPTY;
    }

    /**
     * Returns the user's name (key {@code name}).
     *
     * @return the name, or empty if absent
     */
    public Optional<String> name() {
        return string("name");
    }

    /**
     * Returns the user's email address (key {@code email}).
     *
     * @return the email address, or empty if absent
     */
    public Optional<String> email() {
        return string("email");
    }

    /**
     * Returns the URL of the user's picture (key {@code picture_url}).
     *
     * @return the picture URL, or empty if absent
     */
    public Optional<String> pictureUrl() {
        return string("picture_url");
    }

    /**
     * Returns the user's first name (key {@code first_name}).
     *
     * @return the first name, or empty if absent
     */
    public Optional<String> firstName() {
        return string("first_name");
    }

    /**
     * Returns the user's last name (key {@code last_name}).
     *
     * @return the last name, or empty if absent
     */
    public Optional<String> lastName() {
        return string("last_name");
    }

    /**
     * Returns the user's gender (key {@code gender}).
     *
     * @return the gender, or empty if absent
     */
    public Optional<String> gender() {
        return string("gender");
    }

    /**
     * Returns the user's birthday (key {@code birthday}), in the provider's format.
     *
     * @return the birthday, or empty if absent
     */
    public Optional<String> birthday() {
        return string("birthday");
    }

    /**
     * Returns the user's minimum age (key {@code min_age}).
     *
     * @return the minimum age, or empty if absent
     */
    public Optional<String> minAge() {
        return string("min_age");
    }

    /**
     * Returns the user's maximum age (key {@code max_age}).
     *
     * @return the maximum age, or empty if absent
     */
    public Optional<String> maxAge() {
        return string("max_age");
    }

    /**
     * Returns the whole profile document, including provider-specific keys.
     *
     * @return a new copy on each call
     */
    public Document asDocument() {
        return Documents.toDocument(data);
    }

    /**
     * Compares the profile documents.
     *
     * @param other the object to compare with
     * @return {@code true} if {@code other} is a profile with an equal document
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof UserProfile && data.equals(((UserProfile) other).data);
    }

    /**
     * Returns a hash code consistent with {@link #equals(Object)}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return data.hashCode();
    }

    /**
     * Lists the keys present, without their values.
     *
     * @return for example {@code "UserProfile[keys=[name, email]]"}
     */
    @Override
    public String toString() {
        return "UserProfile[keys=" + data.keySet() + "]";
    }

    private Optional<String> string(String key) {
        BsonValue value = data.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (value.isString()) {
            return Optional.of(value.asString().getValue());
        }
        if (value.isNumber()) {
            return Optional.of(
                    value.asNumber().decimal128Value().bigDecimalValue().toPlainString());
        }
        if (value.isBoolean()) {
            return Optional.of(String.valueOf(value.asBoolean().getValue()));
        }
        return Optional.empty();
    }
}
