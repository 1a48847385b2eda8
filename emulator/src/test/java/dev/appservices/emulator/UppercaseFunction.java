package dev.appservices.emulator;

import java.util.Locale;
import org.bson.BsonArray;
import org.bson.BsonString;
import org.bson.BsonValue;

/** A function discovered through {@link java.util.ServiceLoader} (see the test resources' service file). */
public final class UppercaseFunction implements EmulatorFunction {

    @Override
    public BsonValue call(FunctionContext context, BsonArray arguments) {
        return new BsonString(arguments.get(0).asString().getValue().toUpperCase(Locale.ROOT));
    }

    @Override
    public String name() {
        return "uppercase";
    }
}
