package dev.portallogin.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.portallogin.core.adapter.ses.SesMailer;
import dev.portallogin.core.domain.EmailAddress;
import dev.portallogin.core.domain.EmailMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With SnapStart, Lambda gives a function no keys in its environment, only an endpoint to fetch them from
 * (AWS_CONTAINER_CREDENTIALS_FULL_URI with a token): the functions must sign with what that endpoint hands out,
 * fetched when a call needs them and not at init, where they would be frozen into the snapshot.
 */
class AwsClientsTest {

    private static final String TOKEN = "container-token";

    private final List<String> credentialFetches = new CopyOnWriteArrayList<>();
    private final List<String> signedCalls = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @BeforeEach
    void startLambdaCredentialsEndpointAndSes() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/credentials", exchange -> {
            credentialFetches.add(exchange.getRequestHeaders().getFirst("Authorization"));
            answer(exchange, """
                    {"AccessKeyId":"ASIACONTAINER","SecretAccessKey":"container-secret",
                     "Token":"container-session","Expiration":"2099-01-01T00:00:00Z"}""");
        });
        server.createContext("/v2/email/outbound-emails", exchange -> {
            signedCalls.add(exchange.getRequestHeaders().getFirst("Authorization") + " token="
                    + exchange.getRequestHeaders().getFirst("X-Amz-Security-Token"));
            answer(exchange, "{\"MessageId\":\"m-1\"}");
        });
        server.start();
        // What the SDK reads from AWS_CONTAINER_CREDENTIALS_FULL_URI / _AUTHORIZATION_TOKEN, as system properties.
        System.setProperty("aws.containerCredentialsFullUri", base() + "/credentials");
        System.setProperty("aws.containerAuthorizationToken", TOKEN);
    }

    @AfterEach
    void stop() {
        System.clearProperty("aws.containerCredentialsFullUri");
        System.clearProperty("aws.containerAuthorizationToken");
        server.stop(0);
    }

    @Test
    void withoutKeysInTheEnvironmentCallsAreSignedWithTheContainerEndpointsCredentialsFetchedOnFirstUse() {
        Config config = Config.from(Map.of("AWS_REGION", "eu-west-1", "AWS_ENDPOINT_URL", base(),
                "AWS_CONTAINER_CREDENTIALS_FULL_URI", base() + "/credentials",
                "AWS_CONTAINER_AUTHORIZATION_TOKEN", TOKEN));
        assertThat(config.containerCredentials()).isTrue();

        AwsClients aws = new AwsClients(config);
        SesMailer mailer = aws.mailer();
        assertThat(credentialFetches).as("credentials fetched at init (they would be in the snapshot)").isEmpty();

        mailer.send(new EmailMessage("acme", "cus-1", "login@acme.example", EmailAddress.parse("jane@example.com").orElseThrow(),
                "1234 is your code", "1234", "<p>1234</p>"));

        assertThat(credentialFetches).containsExactly(TOKEN);
        assertThat(signedCalls).singleElement().asString()
                .contains("Credential=ASIACONTAINER/").endsWith("token=container-session");
    }

    @Test
    void keysInTheEnvironmentWinOverTheContainerEndpoint() {
        Config config = Config.from(Map.of("AWS_REGION", "eu-west-1", "AWS_ENDPOINT_URL", base(),
                "AWS_ACCESS_KEY_ID", "AKIAENVIRONMENT", "AWS_SECRET_ACCESS_KEY", "secret",
                "AWS_CONTAINER_CREDENTIALS_FULL_URI", base() + "/credentials"));

        new AwsClients(config).mailer().send(new EmailMessage("acme", "cus-1", "login@acme.example",
                EmailAddress.parse("jane@example.com").orElseThrow(), "1234 is your code", "1234", "<p>1234</p>"));

        assertThat(credentialFetches).isEmpty();
        assertThat(signedCalls).singleElement().asString().contains("Credential=AKIAENVIRONMENT/");
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void answer(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
