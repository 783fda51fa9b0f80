package dev.portallogin.core.testing;

import dev.portallogin.core.domain.CodeRequest;
import dev.portallogin.core.domain.EmailMessage;
import dev.portallogin.core.domain.OutgoingMessage;
import dev.portallogin.core.port.DeliveryException;
import dev.portallogin.core.port.DeliveryQueue;
import dev.portallogin.core.port.DeliveryRecords;
import dev.portallogin.core.port.Mailer;
import dev.portallogin.core.port.SmsSender;
import dev.portallogin.core.port.TrustedDevices;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The ports that send things, recording what they were given, and failing on request. */
public final class Recording {

    private Recording() {
    }

    /** One SMS as it was handed to SNS. */
    public record Sms(String to, String text) {
    }

    /** Sends nothing; keeps every message, and throws the failures {@link #failNext} queued first. */
    public static final class RecordingMailer implements Mailer {
        public final List<EmailMessage> sent = new ArrayList<>();
        /** The queued message each sent email came from, in the order sent. */
        public final List<String> messageIds = new ArrayList<>();
        private final Deque<DeliveryException> failures = new ArrayDeque<>();

        public void failNext(DeliveryException failure) {
            failures.add(failure);
        }

        @Override
        public synchronized String send(EmailMessage message, String messageId) {
            if (!failures.isEmpty()) {
                throw failures.poll();
            }
            sent.add(message);
            messageIds.add(messageId);
            return "ses-" + sent.size();
        }
    }

    public static final class RecordingSmsSender implements SmsSender {
        public final List<Sms> sent = new ArrayList<>();
        private final Deque<DeliveryException> failures = new ArrayDeque<>();

        public void failNext(DeliveryException failure) {
            failures.add(failure);
        }

        @Override
        public synchronized String send(String phoneE164, String text) {
            if (!failures.isEmpty()) {
                throw failures.poll();
            }
            sent.add(new Sms(phoneE164, text));
            return "sns-" + sent.size();
        }
    }

    /** The delivery queue: what was handed over, in order; a queued failure fails the next hand-over. */
    public static final class RecordingDeliveryQueue implements DeliveryQueue {
        public final List<OutgoingMessage> queued = new ArrayList<>();
        public final List<CodeRequest> requests = new ArrayList<>();
        private final Deque<DeliveryException> failures = new ArrayDeque<>();

        @Override
        public synchronized void enqueue(CodeRequest request) {
            if (!failures.isEmpty()) {
                throw failures.poll();
            }
            requests.add(request);
        }

        public void failNext(DeliveryException failure) {
            failures.add(failure);
        }

        @Override
        public synchronized void enqueue(List<OutgoingMessage> messages) {
            if (!failures.isEmpty()) {
                throw failures.poll();
            }
            queued.addAll(messages);
        }

        public synchronized List<OutgoingMessage> emails() {
            return queued.stream().filter(message -> message.email() != null).toList();
        }

        public synchronized List<OutgoingMessage> sms() {
            return queued.stream().filter(message -> message.sms() != null).toList();
        }
    }

    /** {@link DeliveryRecords} in memory. */
    public static final class InMemoryDeliveryRecords implements DeliveryRecords {
        private final Map<String, Instant> claimed = new HashMap<>();

        @Override
        public synchronized boolean claim(String messageId, Instant keepUntil) {
            return claimed.putIfAbsent(messageId, keepUntil) == null;
        }

        @Override
        public synchronized void release(String messageId) {
            claimed.remove(messageId);
        }
    }

    /** {@link TrustedDevices} in memory. */
    public static final class InMemoryTrustedDevices implements TrustedDevices {
        private final Map<String, TrustedDevice> devices = new HashMap<>();

        @Override
        public synchronized void remember(TrustedDevice device) {
            devices.put(device.deviceHash(), device);
        }

        @Override
        public synchronized Optional<TrustedDevice> find(String deviceHash) {
            return Optional.ofNullable(devices.get(deviceHash));
        }
    }
}
