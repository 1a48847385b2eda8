package dev.appservices.emulator.internal.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The injected faults, in the order they were added. The first fault that matches a request and still has
 * applications left is taken; used-up faults are removed.
 *
 * <p>Thread-safe: faults are added and cleared by admin requests while worker threads take them.
 */
public final class FaultRegistry {

    private final List<Fault> faults = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong();

    /**
     * Validates and adds a fault; returns its id.
     *
     * @throws InvalidFaultException naming the first problem of the definition
     */
    public String add(FaultDefinition definition) {
        Fault fault = Fault.of("fault-" + ids.incrementAndGet(), definition);
        faults.add(fault);
        return fault.id();
    }

    /** Takes one application of the first matching fault, if any. */
    public Optional<Fault> take(String method, String path) {
        for (Fault fault : faults) {
            if (fault.matches(method, path) && fault.claim()) {
                if (fault.usedUp()) {
                    faults.remove(fault);
                }
                return Optional.of(fault);
            }
        }
        return Optional.empty();
    }

    /** The active faults by id, with their remaining applications. */
    public List<Map.Entry<String, FaultDefinition>> list() {
        List<Map.Entry<String, FaultDefinition>> result = new ArrayList<>();
        for (Fault fault : faults) {
            if (!fault.usedUp()) {
                result.add(Map.entry(fault.id(), fault.describe()));
            }
        }
        return result;
    }

    /** Removes one fault; {@code false} if there was none with that id. */
    public boolean remove(String id) {
        return faults.removeIf(fault -> fault.id().equals(id));
    }

    public void clear() {
        faults.clear();
    }
}
