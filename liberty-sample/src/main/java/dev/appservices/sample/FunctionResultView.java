package dev.appservices.sample;

import jakarta.json.JsonValue;

/**
 * The result of a function call.
 *
 * @param function the function's name
 * @param result   its result, in relaxed Extended JSON
 */
public record FunctionResultView(String function, JsonValue result) {}
