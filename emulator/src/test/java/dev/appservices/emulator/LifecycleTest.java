package dev.appservices.emulator;

import static dev.appservices.emulator.WireClient.CLIENT;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** Closing the emulator lets requests in flight finish. */
class LifecycleTest {

    @Test
    void closeLetsRequestsInFlightFinish() {
        AppServicesEmulator emulator = AppServicesEmulator.builder()
                .app(AppDefinition.builder("closing").anonymousAuth().build())
                .start();
        String location = CLIENT + "/app/closing/location";
        emulator.admin()
                .injectFault(FaultSpec.onPath(location)
                        .times(1)
                        .delay(Duration.ofMillis(600))
                        .delayOnly());
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try {
            WireClient client = new WireClient(emulator.baseUrl());
            CompletableFuture<WireClient.Reply> inFlight =
                    CompletableFuture.supplyAsync(() -> client.get(location, null), caller);
            // requests are counted before injected faults apply: once counted, the request waits in its delay
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> emulator.admin().requestCount("GET", CLIENT + "/app/{appId}/location") == 1);
            emulator.close();
            assertEquals(200, inFlight.join().status());
            emulator.close();
        } finally {
            caller.shutdownNow();
        }
    }
}
