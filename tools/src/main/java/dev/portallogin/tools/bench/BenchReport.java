package dev.portallogin.tools.bench;

import java.util.List;

/** The benchmark table, in Markdown. */
final class BenchReport {

    private BenchReport() {
    }

    static String table(List<Bench.Result> results, int coldStarts, int warmInvocations) {
        Bench.Result floor = results.get(0);
        double floorTotal = median(floor.total());
        StringBuilder table = new StringBuilder();
        table.append(String.format("Cold starts: %d fresh JVMs per function; warm: %d invocations after 50 to warm "
                + "up. Milliseconds, median / max; pinned to one core.%n%n", coldStarts, warmInvocations));
        table.append("| function | init | first invocation | total cold start | × floor | warm p50 | warm p99 "
                + "| jar | AWS calls |\n|---|---|---|---|---|---|---|---|---|\n");
        for (Bench.Result result : results) {
            table.append(String.format("| %s | %.0f / %.0f | %.0f / %.0f | %.0f / %.0f | %.2f | %.1f | %.1f | "
                            + "%.1f MB | %d |%n", result.subject().name(),
                    median(result.init()), max(result.init()), median(result.first()), max(result.first()),
                    median(result.total()), max(result.total()), median(result.total()) / floorTotal,
                    percentile(result.warm(), 50), percentile(result.warm(), 99),
                    result.jarBytes() / 1_048_576.0, result.awsCalls()));
        }
        return table.toString();
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
