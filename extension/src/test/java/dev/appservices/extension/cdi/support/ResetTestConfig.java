package dev.appservices.extension.cdi.support;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts and ends every test class with an empty {@link TestConfigSource} and a fresh {@code Config}. Values a class
 * sets in {@code @BeforeAll} are shared by its tests.
 */
public final class ResetTestConfig implements BeforeAllCallback, AfterAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        TestConfigSource.reset();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        TestConfigSource.reset();
    }
}
