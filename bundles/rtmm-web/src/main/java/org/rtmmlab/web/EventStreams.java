package org.rtmmlab.web;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.rtmmlab.evaluation.EvaluationService;
import org.rtmmlab.evaluation.EvaluationStatus;

/**
 * Server-sent event streams of evaluations ({@code GET /api/evaluations/{id}/events}): an {@code event: status}
 * with the evaluation's JSON at once and on every change the service reports ({@link EvaluationService#watch}),
 * a {@code : ping} comment every {@code pingMs} (Jetty closes connections idle for 60 s), and {@code event: end}
 * after the final state, then the stream closes. Writes happen on this class's own threads, never on the
 * evaluation's: a slow client only makes its own stream skip to the newest status (statuses are coalesced).
 */
final class EventStreams implements AutoCloseable {

    private final ScheduledExecutorService executor;
    private final long pingMs;
    private final Set<Stream> open = ConcurrentHashMap.newKeySet();

    EventStreams(long pingMs) {
        this.pingMs = pingMs;
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "rtmm-web-events-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts streaming evaluation {@code id} to this (async-supported) request. */
    void open(HttpServletRequest request, HttpServletResponse response, EvaluationService service, String id)
            throws IOException {
        response.setStatus(200);
        response.setContentType("text/event-stream");
        response.setCharacterEncoding("utf-8");
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Accel-Buffering", "no");
        AsyncContext async = request.startAsync();
        async.setTimeout(0);
        Stream stream = new Stream(async, response.getOutputStream());
        open.add(stream);
        async.addListener(stream);
        stream.write("retry: 2000\n\n");
        stream.ping = executor.scheduleAtFixedRate(stream::ping, pingMs, pingMs, TimeUnit.MILLISECONDS);
        stream.attach(service.watch(id, stream::offer));
    }

    /** @return streams open now */
    int openStreams() {
        return open.size();
    }

    @Override
    public void close() {
        for (Stream s : open) {
            s.close();
        }
        executor.shutdownNow();
    }

    /** One client's stream. */
    private final class Stream implements AsyncListener {
        private final AsyncContext async;
        private final OutputStream out;
        private final AtomicReference<EvaluationStatus> pending = new AtomicReference<>();
        private final AtomicBoolean scheduled = new AtomicBoolean();
        private final AtomicBoolean closed = new AtomicBoolean();
        volatile ScheduledFuture<?> ping;
        volatile AutoCloseable watch;

        Stream(AsyncContext async, OutputStream out) {
            this.async = async;
            this.out = out;
        }

        /** Keeps the watch handle; closes it at once if the stream already ended (a final status came first). */
        void attach(AutoCloseable handle) {
            watch = handle;
            if (closed.get()) {
                closeQuietly(handle);
            }
        }

        /** Called by the service, on its thread: keep the newest status and let the executor send it. */
        void offer(EvaluationStatus status) {
            pending.set(status);
            if (scheduled.compareAndSet(false, true) && !closed.get()) {
                try {
                    executor.execute(this::flush);
                } catch (java.util.concurrent.RejectedExecutionException e) {
                    close();
                }
            }
        }

        private void flush() {
            scheduled.set(false);
            EvaluationStatus s = pending.getAndSet(null);
            if (s == null || closed.get()) {
                return;
            }
            String json;
            try {
                json = Json.write(Json.status(s));
            } catch (RuntimeException e) {
                // never silently: the client sees why its stream ended
                write("event: error\ndata: " + Json.write(Json.error("cannot write the status of " + s.id() + ": "
                        + RequestBodies.oneLine(String.valueOf(e)))) + "\n\n");
                close();
                return;
            }
            write("event: status\ndata: " + json + "\n\n");
            if (s.state().isFinal()) {
                write("event: end\ndata: {\"state\":\"" + s.state() + "\"}\n\n");
                close();
            }
        }

        void ping() {
            write(": ping\n\n");
        }

        synchronized void write(String text) {
            if (closed.get()) {
                return;
            }
            try {
                out.write(text.getBytes(StandardCharsets.UTF_8));
                out.flush();
            } catch (IOException | IllegalStateException e) {
                close();
            }
        }

        void close() {
            if (!closed.compareAndSet(false, true)) {
                return;
            }
            open.remove(this);
            ScheduledFuture<?> p = ping;
            if (p != null) {
                p.cancel(false);
            }
            closeQuietly(watch);
            try {
                async.complete();
            } catch (IllegalStateException ignored) {
                // already completed by the container (client went away)
            }
        }

        private void closeQuietly(AutoCloseable handle) {
            if (handle != null) {
                try {
                    handle.close();
                } catch (Exception ignored) {
                    // the watch is gone either way
                }
            }
        }

        @Override
        public void onComplete(AsyncEvent event) {
            close();
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            close();
        }

        @Override
        public void onError(AsyncEvent event) {
            close();
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            // nothing to do
        }
    }
}
