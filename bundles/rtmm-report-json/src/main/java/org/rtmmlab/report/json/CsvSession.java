package org.rtmmlab.report.json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.rtmmlab.api.platform.Accelerator;
import org.rtmmlab.api.run.BlockRecord;
import org.rtmmlab.api.run.ReportSession;
import org.rtmmlab.api.run.RequestRecord;
import org.rtmmlab.api.run.RunInfo;
import org.rtmmlab.api.run.RunResult;

/**
 * One run's CSV files, open from {@link CsvReporter#open} until {@link #finish}.
 *
 * <p>{@code requests.csv}: request_id, task, model, variant, frame, arrival_ms, start_ms, finish_ms, deadline_ms,
 * latency_ms (finish - arrival of completed requests), accelerators (ids joined with '+'), energy_mj, outcome
 * ({@code ON_TIME}, {@code LATE}, {@code DROPPED}, {@code IN_FLIGHT}), drop_cause ({@code NONE}, {@code POLICY},
 * {@code DEADLINE}, {@code UPSTREAM}), accuracy.
 *
 * <p>{@code blocks.csv}: request_id, task, frame, accelerator (the accelerator's id on the run's platform), first_layer,
 * layers, start_ms, end_ms, switch_ms, energy_mj, share.
 */
final class CsvSession implements ReportSession {

    /** Per-request file. */
    static final String REQUESTS = "requests.csv";
    /** Per-block file. */
    static final String BLOCKS = "blocks.csv";

    static final String[] REQUEST_HEADER = {"request_id", "task", "model", "variant", "frame", "arrival_ms",
        "start_ms", "finish_ms", "deadline_ms", "latency_ms", "accelerators", "energy_mj", "outcome", "drop_cause",
        "accuracy"};
    static final String[] BLOCK_HEADER = {"request_id", "task", "frame", "accelerator", "first_layer", "layers",
        "start_ms", "end_ms", "switch_ms", "energy_mj", "share"};

    private final List<Accelerator> accelerators;
    private final CSVPrinter requests;
    private final CSVPrinter blocks;
    private boolean finished;

    private CsvSession(List<Accelerator> accelerators, CSVPrinter requests, CSVPrinter blocks) {
        this.accelerators = accelerators;
        this.requests = requests;
        this.blocks = blocks;
    }

    /**
     * @return an estimate of both files' bytes for a run of at most {@code requests} requests and {@code blocks}
     *         blocks: the headers plus each row at the widest its fields get in this run (the longest task, model,
     *         variant and accelerator ids, times up to the run's duration with 6 decimals, energies with 9 decimals
     *         and up to 4 integer digits, a guess); an overestimate by about a third for typical runs
     */
    static long estimatedBytes(RunInfo run, long requests, long blocks) {
        int task = 1;
        int model = 1;
        int variant = 4;
        for (org.rtmmlab.api.workload.Task t : run.scenario().tasks()) {
            task = Math.max(task, t.id().length());
            model = Math.max(model, t.model().length());
        }
        for (org.rtmmlab.api.workload.Model m : run.scenario().models()) {
            for (int v = 0; v < m.variantCount(); v++) {
                variant = Math.max(variant, m.variantId(v).length());
            }
        }
        int acc = 1;
        int allAccs = 0;
        for (Accelerator a : run.platform().accelerators()) {
            acc = Math.max(acc, a.id().length());
            allAccs += a.id().length() + 1;
        }
        int id = digits(Math.max(1, requests));
        int time = digits(Math.max(1, run.config().durationNs() / 1_000_000)) + 7;
        int energy = 4 + 1 + 9;
        int layer = 4;
        long requestRow = id + task + model + variant + id + 5L * time + allAccs + energy + "IN_FLIGHT".length()
                + "DEADLINE".length() + "1.000000".length() + REQUEST_HEADER.length;
        long blockRow = id + task + id + acc + 2L * layer + 3L * time + energy + "1.000000".length()
                + BLOCK_HEADER.length;
        return headerBytes(REQUEST_HEADER) + headerBytes(BLOCK_HEADER) + saturatedProduct(requests, requestRow)
                + saturatedProduct(blocks, blockRow);
    }

    private static int digits(long n) {
        return Long.toString(n).length();
    }

    private static long headerBytes(String[] header) {
        return String.join(",", header).length() + 1L;
    }

    private static long saturatedProduct(long a, long b) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE / 4;
        }
    }

    /** Creates both files (with their headers) in {@code dir}. */
    static CsvSession open(RunInfo run, Path dir) throws IOException {
        List<Accelerator> accs = run == null || run.platform() == null ? List.of() : run.platform().accelerators();
        CSVPrinter requests = printer(dir.resolve(REQUESTS), REQUEST_HEADER);
        try {
            return new CsvSession(accs, requests, printer(dir.resolve(BLOCKS), BLOCK_HEADER));
        } catch (IOException | RuntimeException e) {
            try {
                requests.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    private static CSVPrinter printer(Path file, String[] header) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(header).setRecordSeparator('\n').get();
        return new CSVPrinter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), format);
    }

    /** Closes both files without completing them (the engine discards them). */
    @Override
    public void abort() {
        if (finished) {
            return;
        }
        finished = true;
        for (CSVPrinter p : new CSVPrinter[] {requests, blocks}) {
            try {
                p.close();
            } catch (IOException e) {
                // discarded files: nothing left to report
            }
        }
    }

    @Override
    public void onRequest(RequestRecord r) throws IOException {
        checkOpen();
        requests.printRecord(r.requestId(), r.task(), r.model(), r.variant(), r.frame(), Decimals.ms(r.arrivalNs()),
                Decimals.ms(r.startNs()), Decimals.ms(r.finishNs()), Decimals.ms(r.deadlineNs()),
                Decimals.ms(r.latencyNs()), r.accelerators(), Decimals.mj(r.energyPj()), r.outcome().name(),
                r.dropCause().name(), Decimals.fraction(r.accuracy()));
    }

    @Override
    public void onBlock(BlockRecord b) throws IOException {
        checkOpen();
        blocks.printRecord(b.requestId(), b.task(), b.frame(), acceleratorId(b.accelerator()), b.firstLayer(),
                b.layers(), Decimals.ms(b.startNs()), Decimals.ms(b.endNs()), Decimals.ms(b.switchNs()),
                Decimals.mj(b.energyPj()), Decimals.fraction(b.share()));
    }

    @Override
    public Map<String, Double> finish(RunResult result) throws IOException {
        if (finished) {
            return Map.of();
        }
        finished = true;
        try (CSVPrinter r = requests; CSVPrinter b = blocks) { // closes (and flushes) both, even if one fails
            return Map.of();
        }
    }

    private String acceleratorId(int index) {
        return index >= 0 && index < accelerators.size() ? accelerators.get(index).id() : Integer.toString(index);
    }

    private void checkOpen() {
        if (finished) {
            throw new IllegalStateException("CSV report already finished");
        }
    }
}
