package com.ticketledger.runs;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What a benchmark figure needs beside it to be compared with another run's: which processor ran it, how fast one
 * of its cores did a fixed piece of the ledger's kind of work at that moment, and how much of the CPU time the
 * machine's host took for others while the load ran (steal, on a virtual machine). The JVM's CPU per command moves
 * with all three; PostgreSQL's raw insert rate, bound by the disk's flushes, hardly does.
 */
final class MachineFacts {

    private static final Path CPU_INFO = Path.of("/proc/cpuinfo");
    private static final Path CPU_STAT = Path.of("/proc/stat");

    /** Units of the reference work per timed round. */
    private static final int UNITS = 20_000;

    private MachineFacts() {
    }

    /** The processor's model name, as the kernel gives it; the JVM's architecture where it does not. */
    static String cpuModel() {
        try {
            return Files.readAllLines(CPU_INFO).stream()
                    .filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst().orElse(System.getProperty("os.arch"));
        } catch (IOException | UncheckedIOException e) {
            return System.getProperty("os.arch");
        }
    }

    /**
     * Microseconds one core takes for one unit of reference work: an event-sized map written to JSON, read back,
     * and its bytes hashed with SHA-256, as the ledger does to each event. The best of several rounds after a
     * warm-up: the least disturbed measure of the core's speed now.
     */
    static double referenceWorkMicros() {
        ObjectMapper json = new ObjectMapper();
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("ticketId", UUID.randomUUID().toString());
        event.put("title", "VPN drops every few minutes at the Rosario branch");
        event.put("description", "The tunnel to the head office falls and comes back; users lose their sessions. "
                .repeat(4));
        event.put("type", "INCIDENT");
        event.put("priority", "HIGH");
        event.put("clientId", "acme");
        event.put("reporter", Map.of("name", "Generated", "email", "generated@acme.example"));
        event.put("tags", List.of("network", "vpn", "branch"));
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            long sink = 0;
            double best = Double.MAX_VALUE;
            for (int round = 0; round < 10; round++) {
                long started = System.nanoTime();
                for (int unit = 0; unit < UNITS; unit++) {
                    event.put("sequence", unit);
                    byte[] bytes = json.writeValueAsBytes(event);
                    sink += json.readTree(bytes).size();
                    sink += sha256.digest(bytes)[0];
                }
                double micros = (System.nanoTime() - started) / 1e3 / UNITS;
                if (round >= 3) {
                    best = Math.min(best, micros);
                }
            }
            if (sink == Long.MIN_VALUE) {
                throw new IllegalStateException("unreachable: keeps the work from being optimised away");
            }
            return best;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * The machine's CPU time so far, by kind, in the kernel's ticks, and its context switches; empty where the
     * platform does not tell.
     */
    static Optional<CpuTimes> cpuTimes() {
        try {
            List<String> stat = Files.readAllLines(CPU_STAT);
            String[] fields = stat.get(0).trim().split("\\s+");
            long[] ticks = Arrays.stream(fields, 1, fields.length).mapToLong(Long::parseLong).toArray();
            long switches = stat.stream().filter(line -> line.startsWith("ctxt ")).findFirst()
                    .map(line -> Long.parseLong(line.substring("ctxt ".length()).trim())).orElse(0L);
            return Optional.of(new CpuTimes(ticks, switches));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * One reading of /proc/stat: its first line (user, nice, system, idle, iowait, irq, softirq, steal, ...) and
     * the context switches of every core since boot ({@code ctxt}).
     */
    record CpuTimes(long[] ticks, long contextSwitches) {

        private static final int SYSTEM = 2;
        private static final int IDLE = 3;
        private static final int IOWAIT = 4;
        private static final int IRQ = 5;
        private static final int SOFTIRQ = 6;
        private static final int STEAL = 7;

        private long total() {
            // guest time is already counted in user; the first eight fields are the whole
            return Arrays.stream(ticks, 0, Math.min(ticks.length, 8)).sum();
        }

        private long at(int field) {
            return field < ticks.length ? ticks[field] : 0;
        }

        private long since(CpuTimes earlier, int field) {
            return at(field) - earlier.at(field);
        }

        /** Of the time between {@code earlier} and this reading, the share the host took for others (steal), %. */
        double stealPercentSince(CpuTimes earlier) {
            long total = total() - earlier.total();
            return total == 0 ? 0 : 100.0 * since(earlier, STEAL) / total;
        }

        /** Of the time between {@code earlier} and this reading, the share spent working (not idle, not stolen), %. */
        double busyPercentSince(CpuTimes earlier) {
            long total = total() - earlier.total();
            return total == 0 ? 0 : 100.0 * (total - idleSince(earlier)) / total;
        }

        /**
         * Of the working time between {@code earlier} and this reading, the share the kernel spent (system calls,
         * interrupts, soft interrupts: sockets, scheduling, the disk), %.
         */
        double kernelPercentOfBusySince(CpuTimes earlier) {
            long busy = total() - earlier.total() - idleSince(earlier);
            return busy == 0 ? 0 : 100.0 * (since(earlier, SYSTEM) + since(earlier, IRQ) + since(earlier, SOFTIRQ)) / busy;
        }

        /** The context switches of every core between {@code earlier} and this reading. */
        long contextSwitchesSince(CpuTimes earlier) {
            return contextSwitches - earlier.contextSwitches;
        }

        private long idleSince(CpuTimes earlier) {
            return since(earlier, IDLE) + since(earlier, IOWAIT) + since(earlier, STEAL);
        }
    }
}
