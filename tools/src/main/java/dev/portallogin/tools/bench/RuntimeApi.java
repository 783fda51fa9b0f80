package dev.portallogin.tools.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The part of the Lambda Runtime API a function process talks to: it polls {@code invocation/next} for an event
 * and posts the result to {@code invocation/{id}/response} (or {@code /error}). One instance serves one process.
 */
final class RuntimeApi implements AutoCloseable {

    private record Invocation(String id, byte[] event, CompletableFuture<String> result) {
    }

    private final HttpServer server;
    private final BlockingQueue<Invocation> queue = new LinkedBlockingQueue<>();
    private final Map<String, Invocation> inFlight = new ConcurrentHashMap<>();
    private final CompletableFuture<Long> firstPoll = new CompletableFuture<>();

    RuntimeApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable);
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/2018-06-01/runtime/", this::handle);
        server.start();
    }

    String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** System.nanoTime() of the process's first poll: the end of its initialisation. */
    long awaitFirstPoll(long timeoutSeconds) throws Exception {
        return firstPoll.get(timeoutSeconds, TimeUnit.SECONDS);
    }

    /** Hands one event to the process and waits for its answer. */
    String invoke(String event, long timeoutSeconds) throws Exception {
        Invocation invocation = new Invocation(UUID.randomUUID().toString(), event.getBytes(StandardCharsets.UTF_8),
                new CompletableFuture<>());
        inFlight.put(invocation.id(), invocation);
        queue.put(invocation);
        return invocation.result().get(timeoutSeconds, TimeUnit.SECONDS);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.endsWith("/invocation/next")) {
                firstPoll.complete(System.nanoTime());
                Invocation next = queue.take();
                var headers = exchange.getResponseHeaders();
                headers.add("Lambda-Runtime-Aws-Request-Id", next.id());
                headers.add("Lambda-Runtime-Deadline-Ms", Long.toString(System.currentTimeMillis() + 10_000));
                headers.add("Lambda-Runtime-Invoked-Function-Arn",
                        "arn:aws:lambda:us-east-1:123456789012:function:bench");
                headers.add("Lambda-Runtime-Trace-Id", "Root=1-00000000-000000000000000000000000;Sampled=0");
                headers.add("Lambda-Runtime-Client-Context", "");
                headers.add("Lambda-Runtime-Cognito-Identity", "");
                headers.add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, next.event().length);
                try (OutputStream body = exchange.getResponseBody()) {
                    body.write(next.event());
                }
                return;
            }
            byte[] body = exchange.getRequestBody().readAllBytes();
            String[] parts = path.split("/");
            if (path.contains("/invocation/") && parts.length >= 6) {
                Invocation invocation = inFlight.remove(parts[4]);
                if (invocation != null) {
                    String text = new String(body, StandardCharsets.UTF_8);
                    if (path.endsWith("/error")) {
                        invocation.result().completeExceptionally(new IllegalStateException("function error: " + text));
                    } else {
                        invocation.result().complete(text);
                    }
                }
            } else if (path.endsWith("/init/error")) {
                firstPoll.completeExceptionally(new IllegalStateException("init error: "
                        + new String(body, StandardCharsets.UTF_8)));
            }
            exchange.sendResponseHeaders(202, -1);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
