package dev.portallogin.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portallogin.it.support.AwsBackend;
import dev.portallogin.tools.TemplateModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code template.yaml} is valid, and what it wires exists in the code. */
class TemplateIT {

    private final AwsBackend backend = AwsBackend.shared();

    @Test
    void cfnLintFindsNoErrorsOrWarnings() throws IOException, InterruptedException {
        Process lint = new ProcessBuilder("cfn-lint", "template.yaml")
                .directory(backend.projectRoot().toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(lint.waitFor(120, TimeUnit.SECONDS)).isTrue();

        assertThat(output).as("cfn-lint output").isEmpty();
        assertThat(lint.exitValue()).isZero();
    }

    @Test
    void everyFunctionHandlerAndJarExistAsTheTemplateNamesThem() {
        for (TemplateModel.Function function : backend.template().functions()) {
            assertThat(function.codeUri()).as(function.logicalId())
                    .matches("functions/[a-z-]+/target/[a-z-]+\\.jar");
            String module = function.codeUri().split("/")[1];
            assertThat(Files.isDirectory(backend.projectRoot().resolve("functions").resolve(module)))
                    .as(function.logicalId() + " module").isTrue();
            assertThat(function.codeUri()).endsWith("/" + module + ".jar");
            assertThat(function.handler()).endsWith("::handleRequest");
        }
    }

    @Test
    void adminRoutesRequireIamAuthorization() {
        assertThat(backend.template().routes())
                .filteredOn(route -> route.path().startsWith("/admin"))
                .hasSize(7)
                .allSatisfy(route -> assertThat(route.authorization()).isEqualTo("AWS_IAM"));
    }

    @Test
    void customerRoutesArePublic() {
        assertThat(backend.template().routes())
                .filteredOn(route -> !route.path().startsWith("/admin"))
                .isNotEmpty()
                .allSatisfy(route -> assertThat(route.authorization()).isEqualTo("NONE"));
    }
}
