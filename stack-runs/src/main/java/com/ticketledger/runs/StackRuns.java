package com.ticketledger.runs;

/** Entry point of the runs of the whole stack: {@code faults} (the default) or {@code bench}. */
public final class StackRuns {

    private StackRuns() {
    }

    public static void main(String[] args) throws Exception {
        String run = args.length == 0 ? "faults" : args[0];
        switch (run) {
            case "faults":
                FaultRun.main(args);
                break;
            case "bench":
                Benchmark.main(args);
                break;
            default:
                System.err.println("usage: faults | bench");
                System.exit(2);
        }
    }
}
