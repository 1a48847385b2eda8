package dev.appservices.bench;

import java.util.List;
import java.util.Locale;

/**
 * The mean and spread of one figure over the rounds of a benchmark: mean, sample standard deviation, minimum and
 * maximum. Immutable.
 *
 * @param mean the mean
 * @param sd   the sample standard deviation (0 for a single round)
 * @param min  the smallest value
 * @param max  the largest value
 * @param n    the number of rounds
 */
record Spread(double mean, double sd, double min, double max, int n) {

    static Spread of(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double value : values) {
            sum += value;
            min = Math.min(min, value);
            max = Math.max(max, value);
        }
        double mean = sum / values.size();
        double squares = 0;
        for (double value : values) {
            squares += (value - mean) * (value - mean);
        }
        double sd = values.size() > 1 ? Math.sqrt(squares / (values.size() - 1)) : 0;
        return new Spread(mean, sd, min, max, values.size());
    }

    /** {@code mean ± sd} with {@code decimals} decimals. */
    String format(int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f ± %." + decimals + "f", mean, sd);
    }
}
