package dev.portallogin.it.support;

import dev.portallogin.tools.LocalServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code portal-tools local --port N} for the browser tests: the local run on a free port other than the demo
 * data's 3000, with {@code events/seed.json} as it is (the run serves the demo stores at its own origin), plus
 * customers of a test class's own, so that the per-identifier limit (one code a minute) never makes tests that
 * would share a demo customer wait for each other.
 */
public final class LocalRun {

    private LocalRun() {
    }

    /** @param customers extra customers of the {@code acme} store: {@link #customer} entries */
    public static LocalServer start(List<String> customers) throws IOException {
        AwsBackend backend = AwsBackend.shared();
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path seed = Files.createTempFile("seed", ".json");
        Files.writeString(seed, Files.readString(backend.projectRoot().resolve("events/seed.json"))
                .replace("\"customers\": [", "\"customers\": [" + String.join(",", customers) + ","));
        return LocalServer.start(backend.projectRoot(), port, seed,
                URI.create(backend.awsEnvironment().get("AWS_ENDPOINT_URL")));
    }

    /** A seed entry for an {@code acme} customer. */
    public static String customer(String id, String email, String phone, String first, String last) {
        return "{\"storeId\": \"acme\", \"customerId\": \"" + id + "\", \"email\": "
                + (email == null ? "null" : "\"" + email + "\"") + ", \"phone\": "
                + (phone == null ? "null" : "\"" + phone + "\"") + ", \"firstName\": \"" + first
                + "\", \"lastName\": \"" + last + "\"}";
    }
}
