package dev.graphfleet.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * A generator of test inputs from a seeded random source: the same seed gives the same sequence, so
 * a failure is reproduced by running again with the seed it printed. Only the few combinators the
 * generated tests use; compose the rest with a lambda ({@code r -> a.next(r) + b.next(r)}).
 */
@FunctionalInterface
public interface Gen<T> {

    T next(SplittableRandom random);

    /** A choice and its weight, for {@link #frequency}. */
    record Weighted<T>(int weight, Gen<? extends T> gen) {
    }

    /** The endless sequence this generator makes from {@code seed}. */
    default Stream<T> samples(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return Stream.generate(() -> next(random));
    }

    default <R> Gen<R> map(Function<? super T, ? extends R> f) {
        return random -> f.apply(next(random));
    }

    default <R> Gen<R> flatMap(Function<? super T, ? extends Gen<? extends R>> f) {
        return random -> f.apply(next(random)).next(random);
    }

    /** Values that pass {@code keep}; a predicate that almost never holds is a bug in the test, so it fails. */
    default Gen<T> filter(Predicate<? super T> keep) {
        return random -> {
            for (int attempt = 0; attempt < 10_000; attempt++) {
                T value = next(random);
                if (keep.test(value)) {
                    return value;
                }
            }
            throw new IllegalStateException("the filter rejected 10,000 values in a row");
        };
    }

    /** A list of exactly {@code size} values. */
    default Gen<List<T>> list(int size) {
        return random -> {
            List<T> values = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                values.add(next(random));
            }
            return values;
        };
    }

    /** A list of 0 to {@code maxSize} values. */
    default Gen<List<T>> listUpTo(int maxSize) {
        return random -> list(random.nextInt(maxSize + 1)).next(random);
    }

    static <T> Gen<T> constant(T value) {
        return random -> value;
    }

    /** One of the values, each as likely (a value listed twice is twice as likely). */
    @SafeVarargs
    static <T> Gen<T> oneOf(T... values) {
        return oneOf(List.of(values));
    }

    static <T> Gen<T> oneOf(List<? extends T> values) {
        List<? extends T> copy = List.copyOf(values);
        return random -> copy.get(random.nextInt(copy.size()));
    }

    static <T> Weighted<T> weighted(int weight, Gen<? extends T> gen) {
        return new Weighted<>(weight, gen);
    }

    /** One of the generators, chosen in proportion to its weight. */
    @SafeVarargs
    static <T> Gen<T> frequency(Weighted<T>... choices) {
        List<Weighted<T>> all = List.of(choices);
        int total = all.stream().mapToInt(Weighted::weight).sum();
        return random -> {
            int pick = random.nextInt(total);
            for (Weighted<T> choice : all) {
                pick -= choice.weight();
                if (pick < 0) {
                    return choice.gen().next(random);
                }
            }
            throw new AssertionError("unreachable: weights sum to " + total);
        };
    }

    /** An integer from {@code min} to {@code max}, each as likely. */
    static Gen<Integer> uniform(int min, int max) {
        return random -> (int) random.nextLong(min, (long) max + 1);
    }

    /**
     * An integer from {@code min} to {@code max}, biased the way bugs are: one in ten an edge (the
     * bounds, and the value nearest zero and its neighbours); otherwise a distance from that value
     * whose number of bits is uniform, so 2 to 3 is as likely as 512 to 1023.
     */
    static Gen<Integer> biased(int min, int max) {
        long centre = Math.max(min, Math.min(max, 0));
        List<Long> edges = Stream.of((long) min, (long) max, centre, centre - 1, centre + 1)
                .filter(v -> v >= min && v <= max).distinct().toList();
        return random -> {
            if (random.nextInt(10) == 0) {
                return (int) (long) edges.get(random.nextInt(edges.size()));
            }
            boolean up = centre == min || (centre < max && random.nextBoolean());
            long span = up ? max - centre : centre - min;
            int bits = random.nextInt(64 - Long.numberOfLeadingZeros(span) + 1);
            long distance = bits == 0 ? 0 : Math.min(span, random.nextLong(1L << (bits - 1), 1L << bits));
            return (int) (up ? centre + distance : centre - distance);
        };
    }

    /** A string of 0 to {@code maxLength} characters, each one of {@code chars}. */
    static Gen<String> strings(String chars, int maxLength) {
        return random -> {
            int length = random.nextInt(maxLength + 1);
            StringBuilder text = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                text.append(chars.charAt(random.nextInt(chars.length())));
            }
            return text.toString();
        };
    }

    /** A string of 0 to {@code maxLength} of any {@code char}, lone surrogates and controls included. */
    static Gen<String> anyChars(int maxLength) {
        return random -> {
            int length = random.nextInt(maxLength + 1);
            StringBuilder text = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                text.append((char) random.nextInt(Character.MAX_VALUE + 1));
            }
            return text.toString();
        };
    }

    /** The characters from {@code first} to {@code last}, for {@link #strings}. */
    static String charRange(char first, char last) {
        StringBuilder chars = new StringBuilder();
        IntStream.rangeClosed(first, last).forEach(c -> chars.append((char) c));
        return chars.toString();
    }
}
