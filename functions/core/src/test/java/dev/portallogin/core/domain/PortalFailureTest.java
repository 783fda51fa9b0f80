package dev.portallogin.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portallogin.core.http.FailureResponses;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PortalFailureTest {

    private static final Path SOURCE = Path.of("src/main/java/dev/portallogin/core/domain/PortalFailure.java");

    @TempDir
    Path classes;

    @Test
    void aFailureWithoutACodeDoesNotCompile() throws IOException {
        String source = Files.readString(SOURCE);
        String withoutCode = source.substring(0, source.lastIndexOf('}')) + """
                    public static final class Unanswered extends PortalFailure {
                        public Unanswered() {
                            super();
                        }
                    }
                }
                """;

        assertThat(compile(Map.of("dev.portallogin.core.domain.PortalFailure", withoutCode)))
                .contains("constructor PortalFailure in class PortalFailure cannot be applied to given types");
        assertThat(compile(Map.of("dev.portallogin.core.domain.PortalFailure", source))).isEmpty();
    }

    @Test
    void aFailureDeclaredElsewhereDoesNotCompile() {
        assertThat(compile(Map.of("dev.portallogin.core.domain.Elsewhere", """
                package dev.portallogin.core.domain;
                final class Elsewhere extends PortalFailure {
                }
                """))).contains("class is not allowed to extend sealed class");
    }

    @Test
    void everyFailureAnswersWithItsOwnCodeStatusAndASentence() {
        List<PortalFailure> failures = List.of(new PortalFailure.InvalidRequest("Field 'x' is required."),
                new PortalFailure.InvalidIdentifier(), new PortalFailure.UnknownStore(),
                new PortalFailure.RateLimited(Duration.ofSeconds(61)), new PortalFailure.InvalidCode(),
                new PortalFailure.InvalidLink(), new PortalFailure.ForbiddenOrigin(),
                new PortalFailure.CustomerNotFound(), new PortalFailure.SubscriptionNotFound(),
                new PortalFailure.NoValidEmail(), new PortalFailure.InvalidEmail(), new PortalFailure.EmailInUse(),
                new PortalFailure.Forbidden(), new PortalFailure.RouteNotFound(),
                new PortalFailure.UnsupportedMediaType(), new PortalFailure.NotSignedIn());
        assertThat(PortalFailure.class.getPermittedSubclasses()).hasSameSizeAs(failures);
        for (PortalFailure failure : failures) {
            FailureResponses.Answer answer = FailureResponses.answer(failure);
            assertThat(answer.status()).isEqualTo(failure.code().status());
            assertThat(answer.error()).isEqualTo(failure.code().error());
            assertThat(answer.message()).as(failure.code().error()).isNotBlank().doesNotContain("{", "}");
        }
        assertThat(FailureResponses.answer(failures.get(3)).message()).isEqualTo(
                "Too many requests. Please try again in 61 seconds.");
        assertThat(FailureResponses.answer(failures.get(0)).message()).isEqualTo("Field 'x' is required.");
    }

    @Test
    void everyReasonALinkIsRefusedForHasItsSentence() {
        for (PortalFailure.InvalidLink.Reason reason : PortalFailure.InvalidLink.Reason.values()) {
            for (String sentTo : Arrays.asList(null, "j***@example.com")) {
                String message = FailureResponses.answer(new PortalFailure.InvalidLink(reason, "acme", "Acme",
                        sentTo, Duration.ofMinutes(15))).message();
                assertThat(message).as(reason + " " + sentTo).isNotBlank().doesNotContain("{", "}", "null");
            }
        }
        assertThat(FailureResponses.answer(new PortalFailure.InvalidLink(PortalFailure.InvalidLink.Reason.EXPIRED,
                "acme", "Acme", "j***@example.com", Duration.ofMinutes(15))).message())
                .isEqualTo("This sign-in link sent to j***@example.com has expired: links work for 15 minutes. "
                        + "Ask for a new code to sign in.");
    }

    /** Compiles the sources against the module's classes; answers javac's errors, empty when it compiled. */
    private String compile(Map<String, String> sources) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<JavaFileObject> units = sources.entrySet().stream().<JavaFileObject>map(entry ->
                new SimpleJavaFileObject(java.net.URI.create("string:///" + entry.getKey().replace('.', '/')
                        + ".java"), JavaFileObject.Kind.SOURCE) {
                    @Override
                    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                        return entry.getValue();
                    }
                }).toList();
        StringWriter errors = new StringWriter();
        boolean compiled = javac.getTask(errors, null, null, List.of("-d", classes.toString(), "-classpath",
                System.getProperty("java.class.path"), "-Xlint:none", "-proc:none"), null, units).call();
        return compiled ? "" : errors.toString();
    }
}
