package org.rtmmlab.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.rtmmlab.evaluation.EvaluationRequest;
import org.rtmmlab.evaluation.EvaluationState;
import org.rtmmlab.evaluation.EvaluationStatus;

class EventStreamsTest {

    @Test
    void streamsStatusesPingsAndEndsAfterTheFinalStateClosingTheWatch() throws Exception {
        CountDownLatch completed = new CountDownLatch(1);
        AtomicBoolean watchClosed = new AtomicBoolean();
        AtomicReference<Consumer<EvaluationStatus>> listener = new AtomicReference<>();
        EvaluationRequest r = EvaluationRequest.run("xrbench/VR_gaming", "xrbench/Dual_4K__WS_OS", "fcfs", 1);
        FakeEvaluations service = new FakeEvaluations(Path.of("results")) {
            @Override
            public AutoCloseable watch(String id, Consumer<EvaluationStatus> l) {
                listener.set(l);
                l.accept(status(id, r, EvaluationState.RUNNING, "fcfs", List.of()));
                return () -> watchClosed.set(true);
            }
        };
        AsyncContext async = (AsyncContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {AsyncContext.class}, (p, m, a) -> {
                    if (m.getName().equals("complete")) {
                        completed.countDown();
                    }
                    return null;
                });
        HttpServletRequest base = FakeHttp.request("GET", "/evaluations/e0001/events", Map.of(), null, Map.of());
        HttpServletRequest req = (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (p, m, a) -> m.getName().equals("startAsync") ? async
                        : m.invoke(base, a));
        FakeHttp.Response resp = new FakeHttp.Response();
        try (EventStreams streams = new EventStreams(40)) {
            streams.open(req, resp.proxy(), service, "e0001");
            assertEquals("text/event-stream", resp.headers.get("Content-Type"));
            long deadline = System.currentTimeMillis() + 10_000;   // the first Gson serialisation may be slow
            while (!(resp.text().contains(": ping") && resp.text().contains("event: status"))
                    && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(resp.text().contains(": ping\n\n"), "keep-alive comments: " + resp.text());
            assertTrue(resp.text().contains("event: status\ndata: {\"id\":\"e0001\""), resp.text());
            assertEquals(1, streams.openStreams());
            listener.get().accept(FakeEvaluations.status("e0001", r, EvaluationState.FINISHED, "edf", List.of()));
            assertTrue(completed.await(5, TimeUnit.SECONDS), "the stream completes after the final state");
            assertTrue(resp.text().contains("\"state\":\"FINISHED\""), resp.text());
            assertTrue(resp.text().endsWith("event: end\ndata: {\"state\":\"FINISHED\"}\n\n"), resp.text());
            assertTrue(watchClosed.get(), "the watch is closed");
            assertEquals(0, streams.openStreams());
        }
    }
}
