package dev.portallogin.core.adapter.sns;

import dev.portallogin.core.config.AwsClients;
import dev.portallogin.core.port.DeliveryException;
import dev.portallogin.core.port.SmsSender;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/** {@link SmsSender} on Amazon SNS direct-to-phone publishing, as transactional SMS. */
public class SnsSmsSender implements SmsSender {

    private static final Map<String, MessageAttributeValue> TRANSACTIONAL = Map.of(
            "AWS.SNS.SMS.SMSType", MessageAttributeValue.builder().dataType("String").stringValue("Transactional").build());

    private final SnsClient sns;

    public SnsSmsSender(SnsClient sns) {
        this.sns = sns;
    }

    public static SnsSmsSender create(AwsClients aws) {
        return new SnsSmsSender(aws.build(SnsClient.builder()));
    }

    @Override
    public void send(String phoneE164, String text) {
        try {
            sns.publish(request -> request.phoneNumber(phoneE164).message(text).messageAttributes(TRANSACTIONAL));
        } catch (SdkException failure) {
            throw new DeliveryException("sms", failure);
        }
    }
}
