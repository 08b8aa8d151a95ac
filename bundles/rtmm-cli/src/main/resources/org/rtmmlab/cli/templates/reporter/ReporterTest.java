package @PACKAGE@;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rtmmlab.api.run.DropCause;
import org.rtmmlab.api.run.FrameCounts;
import org.rtmmlab.api.run.Outcome;
import org.rtmmlab.api.run.ReportSession;
import org.rtmmlab.api.run.RequestRecord;
import org.rtmmlab.api.run.RunConfig;
import org.rtmmlab.api.run.RunInfo;
import org.rtmmlab.api.run.RunResult;
import org.rtmmlab.testkit.ContractScenarios;

/** {@code @NAME@} writes the per-model table and the run-level p95 computed by hand from five requests. */
class @CLASS@Test {

    private static final long MS = 1_000_000L;

    private static final RunConfig CONFIG = RunConfig.of(ContractScenarios.SINGLE, ContractScenarios.ONE, "edf", 1);

    /** A: on time in 2 ms, late in 12 ms, dropped; B: in flight, on time in 4 ms. */
    private static Map<String, Double> report(Path dir) throws IOException {
        RunInfo info = new RunInfo(CONFIG, ContractScenarios.scenarios().get(0), ContractScenarios.platforms().get(0),
                "test");
        ReportSession s = new @CLASS@().open(info, dir);
        s.onRequest(request(0, "A", 0, 2 * MS, Outcome.ON_TIME));
        s.onRequest(request(1, "A", 10 * MS, 22 * MS, Outcome.LATE));
        s.onRequest(new RequestRecord(2, "tA", "A", "full", 2, 20 * MS, 30 * MS, -1, 30 * MS, Outcome.DROPPED,
                DropCause.DEADLINE, 0, "", 1));
        s.onRequest(new RequestRecord(3, "tB", "B", "full", 0, 25 * MS, 35 * MS, 26 * MS, -1, Outcome.IN_FLIGHT,
                DropCause.NONE, 0, "npu0", 1));
        s.onRequest(request(4, "B", 5 * MS, 9 * MS, Outcome.ON_TIME));
        return s.finish(new RunResult(CONFIG, "test", 30 * MS, new FrameCounts(5, 2, 1, 1, 1), 1.0, List.of(),
                Map.of()));
    }

    private static RequestRecord request(long id, String model, long arrival, long finish, Outcome outcome) {
        return new RequestRecord(id, "t" + model, model, "full", id, arrival, arrival + 10 * MS, arrival, finish,
                outcome, DropCause.NONE, 1e6, "npu0", 1);
    }

    @Test
    void writesOneRowPerModelWithOutcomesAndPercentiles(@TempDir Path dir) throws IOException {
        Map<String, Double> figures = report(dir);
        assertEquals("""
                model,released,onTime,late,dropped,inFlight,p50Ms,p95Ms
                A,3,1,1,1,0,2.000,12.000
                B,2,1,0,0,1,4.000,4.000
                """, Files.readString(dir.resolve("@NAME@.csv"), StandardCharsets.UTF_8));
        assertEquals(Map.of("@NAME@.p95.ms", 12.0), figures); // nearest rank of {2, 4, 12} ms
    }

    @Test
    void withoutAnOutputDirectoryOnlyTheFigureIsReported() throws IOException {
        assertEquals(Map.of("@NAME@.p95.ms", 12.0), report(null)); // and no exception for the missing directory
    }
}
