package dev.portallogin.tools;

import dev.portallogin.core.json.Json;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The moto AWS emulator on a free loopback port, for the local runner and the tests. It runs moto's application
 * with one lock around every request ({@code moto_serialised.py}): moto's own threaded server lets two concurrent
 * conditional writes or transactions both succeed, which real DynamoDB never does, and the concurrency tests
 * caught it.
 */
public final class MotoServer implements AutoCloseable {

    private final Process process;
    private final URI endpoint;

    private MotoServer(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    /** True when a {@code moto_server} executable is on the PATH. */
    public static boolean isInstalled() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String directory : path.split(java.io.File.pathSeparator)) {
            if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, "moto_server"))) {
                return true;
            }
        }
        return false;
    }

    public static MotoServer start() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = Files.createTempFile("moto-server", ".log");
        Path script = Files.createTempFile("moto_serialised", ".py");
        try (var source = MotoServer.class.getResourceAsStream("moto_serialised.py")) {
            Files.write(script, source.readAllBytes());
        }
        script.toFile().deleteOnExit();
        Process process = new ProcessBuilder(pythonOfMoto(), script.toString(), Integer.toString(port))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        MotoServer server = new MotoServer(process, URI.create("http://127.0.0.1:" + port));
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        server.awaitReady(Duration.ofSeconds(60), log);
        return server;
    }

    /** The Python that runs moto_server: the interpreter named in its first line, else python3. */
    private static String pythonOfMoto() throws IOException {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String directory : path.split(java.io.File.pathSeparator)) {
            Path launcher = Path.of(directory, "moto_server");
            if (!directory.isEmpty() && Files.isExecutable(launcher)) {
                String firstLine = Files.readAllLines(launcher).stream().findFirst().orElse("");
                if (firstLine.startsWith("#!") && firstLine.contains("python")) {
                    String[] words = firstLine.substring(2).strip().split("\\s+");
                    return words[0].endsWith("/env") && words.length > 1 ? words[1] : words[0];
                }
            }
        }
        return "python3";
    }

    public URI endpoint() {
        return endpoint;
    }

    /** Milliseconds the emulator has spent answering AWS requests since it started. */
    public double serverMillis() throws IOException {
        HttpURLConnection connection =
                (HttpURLConnection) endpoint.resolve("/_server_time.json").toURL().openConnection();
        try (var body = connection.getInputStream()) {
            Map<?, ?> answer = (Map<?, ?>) Json.parse(new String(body.readAllBytes(), StandardCharsets.UTF_8));
            return ((Number) answer.get("seconds")).doubleValue() * 1000;
        }
    }

    private void awaitReady(Duration timeout, Path log) throws IOException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IOException("moto_server exited at start-up; its output:\n" + Files.readString(log));
            }
            try {
                HttpURLConnection connection =
                        (HttpURLConnection) endpoint.resolve("/moto-api/data.json").toURL().openConnection();
                connection.setConnectTimeout(500);
                connection.setReadTimeout(2000);
                if (connection.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Still starting.
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for moto_server", interrupted);
            }
        }
        close();
        throw new IOException("moto_server did not answer within " + timeout.toSeconds() + " s");
    }

    @Override
    public void close() {
        process.destroy();
    }
}
