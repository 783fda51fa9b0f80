package dev.portallogin.core.adapter.dynamodb;

import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Small conversions between Java values and {@link AttributeValue}, shared by the item mappers. */
final class Attributes {

    private Attributes() {
    }

    /**
     * A fresh token for one transaction: the SDK sends the same request on every retry, so a transaction that
     * committed but whose answer was lost is not applied twice (its conditions would fail the second time).
     */
    static String idempotencyToken() {
        return java.util.UUID.randomUUID().toString();
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    static AttributeValue b(byte[] value) {
        return AttributeValue.fromB(SdkBytes.fromByteArray(value));
    }

    static AttributeValue bool(boolean value) {
        return AttributeValue.fromBool(value);
    }

    /** Epoch seconds: the unit DynamoDB TTL reads. */
    static AttributeValue epochSeconds(Instant instant) {
        return n(instant.getEpochSecond());
    }

    static AttributeValue epochMillis(Instant instant) {
        return n(instant.toEpochMilli());
    }

    static String string(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    static long number(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? 0L : Long.parseLong(value.n());
    }

    static boolean flag(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value != null && Boolean.TRUE.equals(value.bool());
    }

    static byte[] bytes(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.b() == null ? null : value.b().asByteArray();
    }

    static Instant instantFromSeconds(Map<String, AttributeValue> item, String name) {
        return item.containsKey(name) ? Instant.ofEpochSecond(number(item, name)) : null;
    }

    static Instant instantFromMillis(Map<String, AttributeValue> item, String name) {
        return item.containsKey(name) ? Instant.ofEpochMilli(number(item, name)) : null;
    }
}
