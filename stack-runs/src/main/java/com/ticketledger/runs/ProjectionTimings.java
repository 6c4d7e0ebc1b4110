package com.ticketledger.runs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The query side's own measure of its projections' batches, read from its Prometheus page before and after a phase:
 * {@code ledger_projection_delay_seconds} (from an event's append to the commit of the batch that holds it, in
 * buckets), {@code ledger_projection_batch_seconds} by phase and {@code ledger_projection_batch_events}. What the
 * lag probes cannot tell apart, the projection's own path can: its batches' time against the time before them.
 */
final class ProjectionTimings {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{([^}]*)})?\\s+(\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"([^\"]*)\"");

    /** One sample: its metric's name, its labels, its value. */
    record Sample(String name, Map<String, String> labels, double value) {
    }

    private final Map<String, Sample> samples;

    private ProjectionTimings(Map<String, Sample> samples) {
        this.samples = samples;
    }

    /** The samples of a Prometheus text page (comments and other lines left out). */
    static ProjectionTimings parse(String page) {
        Map<String, Sample> samples = new HashMap<>();
        for (String line : page.split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (line.startsWith("#") || !sample.find()) {
                continue;
            }
            Map<String, String> labels = new TreeMap<>();
            if (sample.group(3) != null) {
                Matcher label = LABEL.matcher(sample.group(3));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
            }
            try {
                double value = Double.parseDouble(sample.group(4));
                samples.put(sample.group(1) + labels, new Sample(sample.group(1), labels, value));
            } catch (NumberFormatException notANumber) {
                // not a sample this reads
            }
        }
        return new ProjectionTimings(samples);
    }

    /**
     * What the counters and sums of this page added since {@code before}; a timer's maximum ({@code _max}, over the
     * last two minutes or so) as this page has it.
     */
    ProjectionTimings since(ProjectionTimings before) {
        Map<String, Sample> added = new HashMap<>();
        samples.forEach((key, sample) -> {
            Sample earlier = before.samples.get(key);
            added.put(key, sample.name().endsWith("_max") ? sample : new Sample(sample.name(), sample.labels(),
                    sample.value() - (earlier == null ? 0 : earlier.value())));
        });
        return new ProjectionTimings(added);
    }

    /** The projections that have a delay measured. */
    List<String> projections() {
        TreeSet<String> names = new TreeSet<>();
        samples.values().stream().filter(sample -> sample.name().equals("ledger_projection_delay_seconds_count"))
                .forEach(sample -> names.add(sample.labels().get("projection")));
        return new ArrayList<>(names);
    }

    /**
     * The delay's quantile {@code q} in milliseconds, from its buckets: linear within the bucket that holds it (the
     * buckets are 10–50 ms wide around a tenth of a second); NaN with no events.
     */
    double delayMillis(String projection, double q) {
        TreeMap<Double, Double> cumulative = new TreeMap<>();
        samples.values().stream()
                .filter(sample -> sample.name().equals("ledger_projection_delay_seconds_bucket")
                        && projection.equals(sample.labels().get("projection")))
                .forEach(sample -> cumulative.put(bound(sample.labels().get("le")), sample.value()));
        return quantile(cumulative, q) * 1000;
    }

    static double quantile(TreeMap<Double, Double> cumulative, double q) {
        if (cumulative.isEmpty() || cumulative.lastEntry().getValue() <= 0) {
            return Double.NaN;
        }
        double wanted = q * cumulative.lastEntry().getValue();
        double lower = 0;
        double below = 0;
        for (Map.Entry<Double, Double> bucket : cumulative.entrySet()) {
            if (bucket.getValue() >= wanted) {
                if (bucket.getKey().isInfinite()) {
                    return lower;
                }
                double inBucket = bucket.getValue() - below;
                return inBucket <= 0 ? bucket.getKey()
                        : lower + (bucket.getKey() - lower) * (wanted - below) / inBucket;
            }
            lower = bucket.getKey();
            below = bucket.getValue();
        }
        return lower;
    }

    private static double bound(String le) {
        return le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
    }

    /** Committed batches of {@code projection}. */
    double batches(String projection) {
        return value("ledger_projection_batch_events_count", Map.of("projection", projection));
    }

    /** Events per batch, on average. */
    double eventsPerBatch(String projection) {
        return mean("ledger_projection_batch_events", Map.of("projection", projection));
    }

    /** A phase's average in milliseconds ({@code wait}, {@code handle}, {@code write}, {@code commit}). */
    double phaseMillis(String projection, String phase) {
        return mean("ledger_projection_batch_seconds", Map.of("projection", projection, "phase", phase)) * 1000;
    }

    /** A phase's longest in milliseconds, as the timer keeps it (the last two minutes or so). */
    double phaseMaxMillis(String projection, String phase) {
        return value("ledger_projection_batch_seconds_max", Map.of("projection", projection, "phase", phase)) * 1000;
    }

    /** The average delay in milliseconds. */
    double meanDelayMillis(String projection) {
        return mean("ledger_projection_delay_seconds", Map.of("projection", projection)) * 1000;
    }

    /** A summary's or timer's average: its {@code _sum} over its {@code _count}. */
    private double mean(String metric, Map<String, String> labels) {
        return value(metric + "_sum", labels) / value(metric + "_count", labels);
    }

    private double value(String name, Map<String, String> labels) {
        return samples.values().stream()
                .filter(sample -> sample.name().equals(name) && sample.labels().entrySet().containsAll(labels.entrySet()))
                .mapToDouble(Sample::value).sum();
    }

    static final List<String> PHASES = List.of("wait", "handle", "write", "commit");

    /**
     * A line per projection that handled events: the delay's percentiles and mean, its batches, and each phase's mean
     * and longest.
     */
    Map<String, String> lines(double seconds) {
        Map<String, String> lines = new LinkedHashMap<>();
        for (String projection : projections()) {
            if (batches(projection) <= 0) {
                continue;
            }
            StringBuilder phases = new StringBuilder();
            for (String phase : PHASES) {
                phases.append(String.format("%s %.1f (%.0f) ", phase, phaseMillis(projection, phase),
                        phaseMaxMillis(projection, phase)));
            }
            lines.put(projection, String.format(
                    "delay p50 / p95 / p99 %.1f / %.1f / %.1f ms (mean %.1f); %.1f batches/s of %.1f events;"
                            + " each batch's phases, mean (longest) ms: %s",
                    delayMillis(projection, 0.50), delayMillis(projection, 0.95), delayMillis(projection, 0.99),
                    meanDelayMillis(projection), batches(projection) / seconds, eventsPerBatch(projection),
                    phases.toString().trim()));
        }
        return lines;
    }
}
