package dev.portallogin.tools.bench;

import java.util.List;

/** The benchmark table, in Markdown. */
final class BenchReport {

    private BenchReport() {
    }

    static String table(List<Bench.Result> results, int coldStarts, int warmInvocations) {
        Bench.ColdStarts floor = results.get(0).cold();
        double floorTotal = median(floor.total());
        StringBuilder table = new StringBuilder();
        table.append(String.format("Cold starts: %d fresh JVMs per function, pinned to one core. Milliseconds, "
                + "median / max.%n%n", coldStarts));
        table.append("| function | init | first invocation | total cold start | × floor | jar |\n"
                + "|---|---|---|---|---|---|\n");
        for (Bench.Result result : results) {
            Bench.ColdStarts cold = result.cold();
            table.append(String.format("| %s | %s | %s | %s | %.2f | %.1f MB |%n", result.subject().name(),
                    medianMax(cold.init()), medianMax(cold.first()), medianMax(cold.total()),
                    median(cold.total()) / floorTotal, result.jarBytes() / 1_048_576.0));
        }

        table.append(String.format("%nWarm: %d invocations after 50 to warm up, milliseconds. Each one's time is split "
                + "into the time the emulator spent answering its AWS calls and the rest, the function's own time "
                + "(its SDK, HTTP client and local round trips included), which is compared with the own time of the "
                + "floor making as many GetItem round trips (medians).%n%n", warmInvocations));
        table.append("| function | warm p50 | warm p99 | AWS calls | of which in AWS | own time "
                + "| floor's own time, as many calls | own time − floor's |\n|---|---|---|---|---|---|---|---|\n");
        for (Bench.Result result : results) {
            Bench.Warm warm = result.warm();
            double floorOwn = median(result.floorSameCalls().own());
            table.append(String.format("| %s | %.1f | %.1f | %d | %.1f | %.1f | %.1f | %+.1f |%n",
                    result.subject().name(), median(warm.total()), percentile(warm.total(), 99), result.awsCalls(),
                    median(warm.inAws()), median(warm.own()), floorOwn, median(warm.own()) - floorOwn));
        }

        table.append(String.format("%nPrimed (PRIME_ON_INIT=true: what SnapStart snapshots and provisioned concurrency "
                + "keeps ready): %d fresh JVMs per function. The first invocation is what a customer waits for after "
                + "a restore (plus the restore itself, which only AWS can measure).%n%n", coldStarts));
        table.append("| function | init with priming | first invocation, primed | × floor's first invocation "
                + "| first invocation, unprimed |\n|---|---|---|---|---|\n");
        double floorFirst = median(floor.first());
        for (Bench.Result result : results) {
            if (result.primed() == null) {
                continue;
            }
            table.append(String.format("| %s | %s | %s | %.2f | %s |%n", result.subject().name(),
                    medianMax(result.primed().init()), medianMax(result.primed().first()),
                    median(result.primed().first()) / floorFirst, medianMax(result.cold().first())));
        }
        return table.toString();
    }

    private static String medianMax(List<Double> values) {
        return String.format("%.0f / %.0f", median(values), max(values));
    }

    private static double median(List<Double> values) {
        return percentile(values, 50);
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    private static double percentile(List<Double> values, int percentile) {
        List<Double> sorted = values.stream().sorted().toList();
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
