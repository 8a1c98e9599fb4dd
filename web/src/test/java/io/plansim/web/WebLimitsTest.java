package io.plansim.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** A run past its time limit and a run superseded by the same page's newer request are stopped; the server goes on. */
class WebLimitsTest {
    static final String LONG = "{\"scenario\":\"yiwu/baseline\",\"paths\":100000,\"client\":\"tab-1\"}";
    static final String SHORT = "{\"scenario\":\"yiwu/baseline\",\"paths\":200,\"client\":\"tab-1\"}";

    @Test
    void aRunPastItsTimeLimitIsStoppedWith408() throws Exception {
        try (WebServer s = WebServer.start("127.0.0.1", 0, new Limits(1_000_000, 100_000, Duration.ofMillis(1), 1, 4))) {
            WebApiTest.Reply r = WebApiTest.call(s.port(), "POST", "/api/forecast", LONG);
            assertEquals(408, r.status(), r.body());
            assertTrue(r.body().contains("longer than the limit"), r.body());
        }
    }

    @Test
    void aNewerRequestOfTheSamePageAbandonsTheOlderRun() throws Exception {
        try (WebServer s = WebServer.start("127.0.0.1", 0, Limits.defaults())) {
            CompletableFuture<WebApiTest.Reply> older = CompletableFuture.supplyAsync(() -> {
                try {
                    return WebApiTest.call(s.port(), "POST", "/api/forecast", LONG);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(300); // the older run has started: 100,000 paths take seconds
            WebApiTest.Reply newer = WebApiTest.call(s.port(), "POST", "/api/forecast", SHORT);
            assertEquals(200, newer.status(), newer.body());
            WebApiTest.Reply old = older.get();
            assertEquals(409, old.status(), old.body());
            assertTrue(old.body().contains("superseded"), old.body());
        }
    }

    /** The time limit counts the run, not the wait for a free slot: a short run behind a long one is not timed out. */
    @Test
    void timeWaitingForASlotDoesNotCountAgainstTheRunsLimit() throws Exception {
        try (RunGate gate = new RunGate(new Limits(1_000_000, 100_000, Duration.ofMillis(1000), 1, 4))) {
            CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> gate.run(null, c -> sleep(800, "first")));
            Thread.sleep(100); // the first has the one slot
            // waits about 700 ms, then runs 400 ms: 1.1 s in all, each part within the limit of 1 s
            assertEquals("second", gate.run(null, c -> sleep(400, "second")));
            assertEquals("first", first.get());
            ApiError e = org.junit.jupiter.api.Assertions.assertThrows(ApiError.class, () -> gate.run(null, c -> sleep(1500, "x")));
            assertEquals(408, e.status());
            assertTrue(e.getMessage().contains("the run itself took longer than the limit of 1 s (time waiting for a free slot is not counted)"),
                    e.getMessage());
        }
    }

    private static String sleep(long ms, String result) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return result;
    }
}
