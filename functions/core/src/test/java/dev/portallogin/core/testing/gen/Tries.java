package dev.portallogin.core.testing.gen;

import java.util.Random;
import java.util.function.Consumer;

/**
 * Runs a check over generated inputs from a fixed seed, so every run tries the same inputs and a failure can be
 * replayed. {@code -Dtries.seed=<n>} draws other inputs; {@code -Dtries.scale=<k>} runs k times as many. A failing
 * try names the seed, the try and the input that failed.
 */
public final class Tries {

    /** The seed a run uses unless {@code tries.seed} names another. */
    public static final long DEFAULT_SEED = 20_261_130L;

    private Tries() {
    }

    public static long seed() {
        String seed = System.getProperty("tries.seed", "").strip();
        return seed.isEmpty() ? DEFAULT_SEED : Long.parseLong(seed);
    }

    private static int scale() {
        String scale = System.getProperty("tries.scale", "").strip();
        return scale.isEmpty() ? 1 : Math.max(1, Integer.parseInt(scale));
    }

    /** Checks {@code count} inputs from {@code generator}; the first that fails stops the run. */
    public static <T> void tries(int count, Gen<T> generator, Consumer<? super T> check) {
        long seed = seed();
        Random random = new Random(seed);
        int total = count * scale();
        for (int attempt = 1; attempt <= total; attempt++) {
            T input = generator.next(random);
            try {
                check.accept(input);
            } catch (RuntimeException | AssertionError failure) {
                throw new AssertionError(String.format("try %d of %d failed (seed %d; replay with -Dtries.seed=%d)"
                        + "%n  input: %s%n  %s", attempt, total, seed, seed, Inputs.describe(input),
                        failure.getMessage()), failure);
            }
        }
    }
}
