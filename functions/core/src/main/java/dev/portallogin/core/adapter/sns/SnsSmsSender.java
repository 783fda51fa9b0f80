package dev.portallogin.core.adapter.sns;

import dev.portallogin.core.adapter.aws.Refusals;
import dev.portallogin.core.adapter.aws.SignedAwsCall;
import dev.portallogin.core.port.DeliveryException;
import dev.portallogin.core.port.SmsSender;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.exception.SdkException;

/** {@link SmsSender} on Amazon SNS: {@code Publish} straight to a phone number, as a transactional SMS. */
public class SnsSmsSender implements SmsSender {

    private static final Map<String, String> HEADERS =
            Map.of("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");

    /** SNS's query API answers XML; its {@code PublishResult} holds the message id. */
    private static final Pattern MESSAGE_ID = Pattern.compile("<MessageId>([^<]{1,100})</MessageId>");

    private final SignedAwsCall sns;

    public SnsSmsSender(SignedAwsCall sns) {
        this.sns = sns;
    }

    @Override
    public String send(String phoneE164, String text) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("Action", "Publish");
        form.put("Version", "2010-03-31");
        form.put("PhoneNumber", phoneE164);
        form.put("Message", text);
        form.put("MessageAttributes.entry.1.Name", "AWS.SNS.SMS.SMSType");
        form.put("MessageAttributes.entry.1.Value.DataType", "String");
        form.put("MessageAttributes.entry.1.Value.StringValue", "Transactional");
        String body = form.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        try {
            String answer = new String(sns.post("/", HEADERS, body.getBytes(StandardCharsets.UTF_8)),
                    StandardCharsets.UTF_8);
            Matcher id = MESSAGE_ID.matcher(answer);
            return id.find() ? id.group(1) : "";
        } catch (SdkException failure) {
            throw new DeliveryException("sms", failure, Refusals.isPermanent(failure), Refusals.describe(failure));
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
