package dev.portallogin.core.adapter.ses;

import dev.portallogin.core.config.AwsClients;
import dev.portallogin.core.domain.EmailMessage;
import dev.portallogin.core.port.DeliveryException;
import dev.portallogin.core.port.Mailer;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.Body;
import software.amazon.awssdk.services.sesv2.model.Content;
import software.amazon.awssdk.services.sesv2.model.EmailContent;
import software.amazon.awssdk.services.sesv2.model.Message;

/** {@link Mailer} on Amazon SES (API v2). */
public class SesMailer implements Mailer {

    private final SesV2Client ses;

    public SesMailer(SesV2Client ses) {
        this.ses = ses;
    }

    public static SesMailer create(AwsClients aws) {
        return new SesMailer(aws.build(SesV2Client.builder()));
    }

    @Override
    public void send(EmailMessage message) {
        Message content = Message.builder()
                .subject(utf8(message.subject()))
                .body(Body.builder().text(utf8(message.text())).html(utf8(message.html())).build())
                .build();
        try {
            ses.sendEmail(request -> request
                    .fromEmailAddress(message.from())
                    .destination(destination -> destination.toAddresses(message.to().value()))
                    .content(EmailContent.builder().simple(content).build()));
        } catch (SdkException failure) {
            throw new DeliveryException("email", failure);
        }
    }

    private static Content utf8(String data) {
        return Content.builder().data(data).charset("UTF-8").build();
    }
}
