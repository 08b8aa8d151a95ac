package org.rtmmlab.report.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rtmmlab.api.run.BlockRecord;
import org.rtmmlab.api.run.ReportSession;
import org.rtmmlab.api.run.RequestRecord;

class CsvReporterTest {

    @TempDir
    Path dir;

    private void write(Path out) throws IOException {
        ReportSession s = new CsvReporter().open(Fixtures.info(), out);
        for (BlockRecord b : Fixtures.blocks()) {
            s.onBlock(b);
        }
        for (RequestRecord r : Fixtures.requests()) {
            s.onRequest(r);
        }
        assertTrue(s.finish(Fixtures.result()).isEmpty());
    }

    @Test
    void requestsCsvHasOneRowPerRequestWithExactDecimals() throws IOException {
        write(dir);
        List<String> lines = Files.readAllLines(dir.resolve("requests.csv"), StandardCharsets.UTF_8);
        assertEquals(List.of(
                "request_id,task,model,variant,frame,arrival_ms,start_ms,finish_ms,deadline_ms,latency_ms,"
                        + "accelerators,energy_mj,outcome,drop_cause,accuracy",
                "0,ES,M,full,0,0.000000,0.001000,1.504136,16.666667,1.504136,acc0,35.329714453,ON_TIME,NONE,1.000000",
                "1,ES,M,full,1,16.666667,,33.400000,33.333334,,,0.000000000,DROPPED,DEADLINE,1.000000",
                "2,\"GE, gaze\",M,w0.5,0,690.000000,695.000000,,706.666667,,acc0+acc1,0.000000012,IN_FLIGHT,NONE,"
                        + "0.875000"), lines);
        try (Reader r = Files.newBufferedReader(dir.resolve("requests.csv"));
             CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
            List<CSVRecord> rows = p.getRecords();
            assertEquals(3, rows.size());
            assertEquals("GE, gaze", rows.get(2).get("task"));
            assertEquals("", rows.get(1).get("start_ms"));
            assertEquals(List.of(CsvSession.REQUEST_HEADER), p.getHeaderNames());
        }
    }

    @Test
    void blocksCsvHasOneRowPerBlockWithAcceleratorIds() throws IOException {
        write(dir);
        List<String> lines = Files.readAllLines(dir.resolve("blocks.csv"), StandardCharsets.UTF_8);
        assertEquals(List.of(
                "request_id,task,frame,accelerator,first_layer,layers,start_ms,end_ms,switch_ms,energy_mj,share",
                "0,ES,0,acc0,0,42,0.001000,1.504136,0.000000,35.329714453,1.000000",
                "2,\"GE, gaze\",0,acc1,3,2,695.000000,695.000500,0.000250,0.000000012,0.500000"), lines);
    }

    @Test
    void identicalInputsGiveByteIdenticalFiles() throws IOException {
        Path a = Files.createDirectory(dir.resolve("a"));
        Path b = Files.createDirectory(dir.resolve("b"));
        write(a);
        write(b);
        for (String f : List.of("requests.csv", "blocks.csv")) {
            assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f);
        }
        ReportSession ja = new JsonSummaryReporter().open(Fixtures.info(), a);
        ReportSession jb = new JsonSummaryReporter().open(Fixtures.info(), b);
        ja.finish(Fixtures.result());
        jb.finish(Fixtures.result());
        assertArrayEquals(Files.readAllBytes(a.resolve("summary.json")), Files.readAllBytes(b.resolve("summary.json")));
    }

    @Test
    void noOutputDirectoryWritesNothing() throws IOException {
        ReportSession s = new CsvReporter().open(Fixtures.info(), null);
        s.onRequest(Fixtures.requests().get(0));
        s.onBlock(Fixtures.blocks().get(0));
        assertTrue(s.finish(Fixtures.result()).isEmpty());
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void ioErrorsPropagateAndRecordsAfterFinishAreRejected() throws IOException {
        Path notADir = Files.writeString(dir.resolve("file"), "x");
        assertThrows(IOException.class, () -> new CsvReporter().open(Fixtures.info(), notADir));
        ReportSession s = new CsvReporter().open(Fixtures.info(), dir);
        s.finish(Fixtures.result());
        assertThrows(IllegalStateException.class, () -> s.onRequest(Fixtures.requests().get(0)));
    }

    @Test
    void decimalsAreExactAndLocaleIndependent() {
        java.util.Locale saved = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.GERMANY);
            assertEquals("16.666667", Decimals.ms(16_666_667L));
            assertEquals("0.000001", Decimals.ms(1));
            assertEquals("", Decimals.ms(-1));
            assertEquals("9223372036854.775807", Decimals.ms(Long.MAX_VALUE));
            assertEquals("35.329714453", Decimals.mj(35_329_714_452.86401));
            assertEquals("0.000000002", Decimals.mj(1.5));
            assertEquals("", Decimals.mj(Double.NaN));
            assertEquals("0.333333", Decimals.fraction(1.0 / 3));
        } finally {
            java.util.Locale.setDefault(saved);
        }
    }
}
