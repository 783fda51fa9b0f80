package dev.portallogin.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portallogin.core.domain.LoginPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The login policy's defaults are stated once in code; the template and the README must say the same. */
class PolicyDefaultsTest {

    private static final Path ROOT = Path.of("..");

    @Test
    void theTemplateGivesEveryFunctionThePolicysDefaults() throws IOException {
        TemplateModel template = TemplateModel.read(ROOT.resolve("template.yaml"));
        Map<String, String> parameters = template.parameterDefaults();
        int stated = 0;
        for (TemplateModel.Function function : template.functions()) {
            for (Map.Entry<String, Object> variable : function.environment().entrySet()) {
                String fallback = LoginPolicy.DEFAULTS.get(variable.getKey());
                if (fallback != null) {
                    Object value = variable.getValue() instanceof Map<?, ?> ref
                            ? parameters.get(String.valueOf(ref.get("Ref"))) : variable.getValue();
                    assertThat(String.valueOf(value)).as(function.logicalId() + " " + variable.getKey())
                            .isEqualTo(fallback);
                    stated++;
                }
            }
        }
        assertThat(stated).as("policy values the template sets").isPositive();
    }

    @Test
    void theReadmesConfigurationTableStatesThePolicysDefaults() throws IOException {
        Matcher rows = Pattern.compile("(?m)^\\| `([A-Z_]+)` \\| `([^`]*)`").matcher(
                Files.readString(ROOT.resolve("README.md")));
        Map<String, String> documented = new LinkedHashMap<>();
        while (rows.find()) {
            documented.put(rows.group(1), rows.group(2));
        }
        assertThat(documented).containsAllEntriesOf(LoginPolicy.DEFAULTS);
    }
}
