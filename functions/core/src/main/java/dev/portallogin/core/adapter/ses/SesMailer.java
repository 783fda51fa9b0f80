package dev.portallogin.core.adapter.ses;

import dev.portallogin.core.adapter.aws.SignedAwsCall;
import dev.portallogin.core.config.AwsClients;
import dev.portallogin.core.domain.EmailMessage;
import dev.portallogin.core.http.Json;
import dev.portallogin.core.port.DeliveryException;
import dev.portallogin.core.port.Mailer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;

/** {@link Mailer} on Amazon SES: API v2 {@code SendEmail}, a simple message with text and HTML parts. */
public class SesMailer implements Mailer {

    private static final String SEND_EMAIL_PATH = "/v2/email/outbound-emails";
    private static final Map<String, String> HEADERS = Map.of("Content-Type", "application/json");

    private final SignedAwsCall ses;

    public SesMailer(SignedAwsCall ses) {
        this.ses = ses;
    }

    public static SesMailer create(AwsClients aws) {
        return new SesMailer(aws.signedCall("email", "ses"));
    }

    @Override
    public void send(EmailMessage message) {
        Map<String, Object> request = Map.of(
                "FromEmailAddress", message.from(),
                "Destination", Map.of("ToAddresses", List.of(message.to().value())),
                "Content", Map.of("Simple", Map.of(
                        "Subject", utf8(message.subject()),
                        "Body", Map.of("Text", utf8(message.text()), "Html", utf8(message.html())))));
        try {
            ses.post(SEND_EMAIL_PATH, HEADERS, Json.write(request).getBytes(StandardCharsets.UTF_8));
        } catch (SdkException failure) {
            throw new DeliveryException("email", failure);
        }
    }

    private static Map<String, String> utf8(String data) {
        return Map.of("Data", data, "Charset", "UTF-8");
    }
}
