package dev.portallogin.core.testing.gen;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * A test input drawn from a seeded {@link Random}: the same seed gives the same inputs, in the same order, on every
 * machine. Small on purpose; {@link Tries} runs a check over many of them and names the seed when one fails.
 */
@FunctionalInterface
public interface Gen<T> {

    T next(Random random);

    default <R> Gen<R> map(Function<? super T, ? extends R> mapping) {
        return random -> mapping.apply(next(random));
    }

    /** Up to {@code maxSize} values of this generator. */
    default Gen<List<T>> list(int maxSize) {
        return random -> {
            List<T> values = new ArrayList<>();
            for (int size = random.nextInt(maxSize + 1); size > 0; size--) {
                values.add(next(random));
            }
            return values;
        };
    }

    /** This generator's values as {@code Object}, for documents that mix types. */
    default Gen<Object> any() {
        return map(value -> value);
    }

    static <T> Gen<T> constant(T value) {
        return random -> value;
    }

    @SafeVarargs
    static <T> Gen<T> of(T... values) {
        List<T> choices = List.of(values);
        return random -> choices.get(random.nextInt(choices.size()));
    }

    @SafeVarargs
    static <T> Gen<T> oneOf(Gen<? extends T>... generators) {
        return random -> generators[random.nextInt(generators.length)].next(random);
    }

    /** One of several generators, each chosen in proportion to its weight. */
    static <T> Weighted<T> weighted(int weight, Gen<? extends T> generator) {
        return new Weighted<T>().or(weight, generator);
    }

    /** Strings of {@code minLength} to {@code maxLength} characters, each drawn from {@code alphabet}. */
    static Gen<String> strings(String alphabet, int minLength, int maxLength) {
        return random -> {
            StringBuilder text = new StringBuilder();
            for (int length = minLength + random.nextInt(maxLength - minLength + 1); length > 0; length--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            return text.toString();
        };
    }

    /** Strings of any UTF-16 code units from {@code first} to {@code last}, lone surrogates included. */
    static Gen<String> chars(char first, char last, int maxLength) {
        return random -> {
            StringBuilder text = new StringBuilder();
            for (int length = random.nextInt(maxLength + 1); length > 0; length--) {
                text.append((char) (first + random.nextInt(last - first + 1)));
            }
            return text.toString();
        };
    }

    static Gen<Integer> integers() {
        return Random::nextInt;
    }

    static Gen<Double> fractions() {
        return Random::nextDouble;
    }

    /** Maps of up to {@code maxSize} entries. */
    static <K, V> Gen<Map<K, V>> maps(Gen<K> keys, Gen<V> values, int maxSize) {
        return random -> {
            Map<K, V> map = new LinkedHashMap<>();
            for (int size = random.nextInt(maxSize + 1); size > 0; size--) {
                map.put(keys.next(random), values.next(random));
            }
            return map;
        };
    }

    /** A choice among generators by weight; add more with {@link #or}. */
    final class Weighted<T> implements Gen<T> {
        private final List<Gen<? extends T>> generators = new ArrayList<>();
        private final List<Integer> weights = new ArrayList<>();
        private int total;

        public Weighted<T> or(int weight, Gen<? extends T> generator) {
            generators.add(generator);
            weights.add(weight);
            total += weight;
            return this;
        }

        @Override
        public T next(Random random) {
            int pick = random.nextInt(total);
            for (int i = 0; i < generators.size(); i++) {
                pick -= weights.get(i);
                if (pick < 0) {
                    return generators.get(i).next(random);
                }
            }
            throw new IllegalStateException("weights changed while drawing");
        }
    }
}
